package com.example.workshop.runtime.sfn.internal.query.jsonata;

import static com.example.workshop.runtime.sfn.internal.query.jsonata.JsonataValues.toJava;
import static com.example.workshop.runtime.sfn.internal.query.jsonata.JsonataValues.toJson;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import com.example.workshop.runtime.sfn.internal.query.EvalContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A field of a JSONata state (Arguments, Output, Assign, Condition, Items, ...): any JSON value in
 * which a string {@code "{% expr %}"} (exactly: no blanks outside the braces) is a JSONata
 * expression and every other value is a literal. Immutable; expressions are parsed once.
 */
public final class JsonataTemplate {

  /** Local guards against runaway expressions (AWS's own limits are not documented). */
  static final long TIMEOUT_MILLIS = 5_000;
  static final int MAX_DEPTH = 500;

  /** A failed evaluation; {@code location} is the field path AWS reports. */
  static final class EvaluationError extends RuntimeException {
    final String location;

    EvaluationError(String location, String why) {
      super(why, null, false, false);
      this.location = location;
    }
  }

  private sealed interface Part permits Literal, Expression, ObjectPart, ArrayPart {}

  private record Literal(JsonNode value) implements Part {}

  /** {@code variables}: the {@code $name}s the text mentions, bound from the workflow variables. */
  record Expression(String location, String text, Jsonata compiled, JException syntax,
      List<String> variables) implements Part {

    EvaluationError error(String what) {
      return new EvaluationError(location, "The JSONata expression '" + text
          + "' specified for the field '" + location + "' " + what);
    }
  }

  private record ObjectPart(Map<String, Part> fields) implements Part {}

  private record ArrayPart(List<Part> items) implements Part {}

  private static final Pattern VARIABLE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");

  private final String field;
  private final Part root;
  /** The expression (without {@code {% %}}), or the literal's JSON text: for error messages. */
  private final String text;

  private JsonataTemplate(String field, Part root, String text) {
    this.field = field;
    this.root = root;
    this.text = text;
  }

  /** Null when the field is absent. */
  public static JsonataTemplate compile(String field, JsonNode node) {
    if (node == null) {
      return null;
    }
    Part root = part(field, node);
    return new JsonataTemplate(field, root,
        root instanceof Expression e ? e.text() : Json.text(node));
  }

  public static boolean isExpression(JsonNode node) {
    if (node == null || !node.isTextual()) {
      return false;
    }
    String s = node.asText();
    return s.length() >= 4 && s.startsWith("{%") && s.endsWith("%}");
  }

  private static Part part(String location, JsonNode node) {
    if (isExpression(node)) {
      String s = node.asText();
      String text = s.substring(2, s.length() - 2).trim();
      List<String> variables = VARIABLE.matcher(text).results().map(m -> m.group(1))
          .filter(name -> !name.equals("states")).distinct().toList();
      try {
        Jsonata compiled = Jsonata.jsonata(text);
        compiled.setOutputConvertNulls(false); // JSON null stays apart from "undefined" (null)
        return new Expression(location, text, compiled, null, variables);
      } catch (JException e) {
        return new Expression(location, text, null, e, variables);
      }
    }
    if (node.isObject()) {
      Map<String, Part> fields = new LinkedHashMap<>();
      boolean allLiteral = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Part p = part(location + "/" + e.getKey(), e.getValue());
        fields.put(e.getKey(), p);
        allLiteral &= p instanceof Literal;
      }
      return allLiteral ? new Literal(node.deepCopy()) : new ObjectPart(fields);
    }
    if (node.isArray()) {
      List<Part> items = new ArrayList<>();
      boolean allLiteral = true;
      for (int i = 0; i < node.size(); i++) {
        Part p = part(location + "/" + i, node.get(i));
        items.add(p);
        allLiteral &= p instanceof Literal;
      }
      return allLiteral ? new Literal(node.deepCopy()) : new ArrayPart(List.copyOf(items));
    }
    return new Literal(node.deepCopy());
  }

  /**
   * Evaluates with {@code $states} bound to {@code states}.
   *
   * @throws StatesError States.QueryEvaluationError (after {@link EvalContext#evaluationFailed})
   */
  public JsonNode apply(JsonNode states, EvalContext ctx) {
    try {
      return eval(root, states, ctx);
    } catch (EvaluationError e) {
      throw ctx.evaluationFailed(e.location, e.getMessage());
    }
  }

  /**
   * Evaluates and checks the result's type: {@code "boolean"}, {@code "string"}, {@code "number"}
   * or {@code "integer"} (a number without a fraction).
   */
  public JsonNode apply(JsonNode states, EvalContext ctx, String expected) {
    JsonNode v = apply(states, ctx);
    boolean ok = switch (expected) {
      case "boolean" -> v.isBoolean();
      case "string" -> v.isTextual();
      case "number" -> v.isNumber();
      case "integer" -> v.isIntegralNumber() || v.isNumber() && v.asDouble() == Math.rint(v.asDouble());
      default -> throw new IllegalArgumentException(expected);
    };
    if (!ok) {
      throw ctx.evaluationFailed(field, "The JSONata expression '" + text
          + "' specified for the field '" + field + "' returned an unexpected result type."
          + " Expected '" + expected + "', but was '" + typeName(v) + "' for value: "
          + Json.text(v));
    }
    return v;
  }

  /** JSONata's name for a value's type, as error messages show it. */
  private static String typeName(JsonNode v) {
    return switch (v.getNodeType()) {
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case ARRAY -> "array";
      case NULL -> "null";
      default -> "object";
    };
  }

  private static JsonNode eval(Part part, JsonNode states, EvalContext ctx) {
    if (part instanceof Literal l) {
      return l.value().deepCopy();
    }
    if (part instanceof ObjectPart o) {
      ObjectNode out = Json.object();
      o.fields().forEach((k, v) -> out.set(k, eval(v, states, ctx)));
      return out;
    }
    if (part instanceof ArrayPart a) {
      ArrayNode out = Json.NODES.arrayNode(a.items().size());
      a.items().forEach(v -> out.add(eval(v, states, ctx)));
      return out;
    }
    Expression e = (Expression) part;
    if (e.syntax() != null) {
      throw threw(e, e.syntax());
    }
    Object result;
    JsonataValues.Exact exact = new JsonataValues.Exact();
    // a parsed Jsonata is not safe for concurrent evaluation
    synchronized (e.compiled()) {
      Jsonata.Frame frame = e.compiled().createFrame();
      frame.bind("states", toJava(states, exact));
      for (String name : e.variables()) {
        JsonNode value = ctx.variables().get(name);
        if (value != null) {
          frame.bind(name, toJava(value, exact));
        }
      }
      AwsFunctions.bind(frame, ctx.random());
      frame.setRuntimeBounds(TIMEOUT_MILLIS, MAX_DEPTH);
      try {
        result = e.compiled().evaluate(null, frame);
      } catch (JException x) {
        throw threw(e, x);
      } catch (RuntimeException x) {
        throw e.error("threw an error during evaluation. " + x.getMessage());
      }
    }
    if (result == null) {
      throw e.error("returned nothing (undefined).");
    }
    return toJson(result, e, exact);
  }

  private static EvaluationError threw(Expression e, JException x) {
    return e.error("threw an error during evaluation. "
        + (x.getError() != null && x.getError().matches("[A-Z]\\d{4}")
            ? x.getError() + ": " + x.getMessage() : x.getError()));
  }
}
