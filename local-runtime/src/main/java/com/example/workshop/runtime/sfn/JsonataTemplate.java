package com.example.workshop.runtime.sfn;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Utils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A field of a JSONata state (Arguments, Output, Assign, Condition, Items, ...): any JSON value in
 * which a string {@code "{% expr %}"} (exactly: no blanks outside the braces) is a JSONata
 * expression and every other value is a literal. Immutable; expressions are parsed once.
 */
final class JsonataTemplate {
  static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";

  /** Local guards against runaway expressions (AWS's own limits are not documented). */
  static final long TIMEOUT_MILLIS = 5_000;
  static final int MAX_DEPTH = 500;

  /** What an expression sees: {@code $states} and the workflow variables. */
  record Scope(JsonNode states, Map<String, JsonNode> variables, Random random) {}

  /** Raised for a failed evaluation; {@code location} is the field path AWS reports. */
  static final class EvaluationError extends RuntimeException {
    final String location;
    final String why;

    EvaluationError(String location, String why) {
      super(why, null, false, false);
      this.location = location;
      this.why = why;
    }
  }

  private sealed interface Part permits Literal, Expression, ObjectPart, ArrayPart {}

  private record Literal(JsonNode value) implements Part {}

  private record Expression(String location, String text, Jsonata compiled, JException syntax)
      implements Part {}

  private record ObjectPart(Map<String, Part> fields) implements Part {}

  private record ArrayPart(List<Part> items) implements Part {}

  private final Part root;
  private final boolean literal;
  private final String text;

  private JsonataTemplate(Part root, String text) {
    this.root = root;
    this.literal = root instanceof Literal;
    this.text = text;
  }

  /** Null when the field is absent. */
  static JsonataTemplate compile(String field, JsonNode node) {
    if (node == null) {
      return null;
    }
    Part root = part(field, node);
    return new JsonataTemplate(root, root instanceof Expression e ? e.text() : Json.text(node));
  }

  /** The expression (without {@code {% %}}), or the literal's JSON text. */
  String text() {
    return text;
  }

  /** JSONata's name for a value's type, as error messages show it. */
  static String typeName(JsonNode v) {
    return switch (v.getNodeType()) {
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case ARRAY -> "array";
      case NULL -> "null";
      default -> "object";
    };
  }

  static boolean isExpression(JsonNode node) {
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
      try {
        Jsonata compiled = Jsonata.jsonata(text);
        compiled.setOutputConvertNulls(false); // JSON null stays apart from "undefined" (null)
        return new Expression(location, text, compiled, null);
      } catch (JException e) {
        return new Expression(location, text, null, e);
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

  JsonNode apply(Scope scope) {
    if (literal) {
      return ((Literal) root).value().deepCopy();
    }
    return eval(root, scope, new HashMap<>());
  }

  private JsonNode eval(Part part, Scope scope, Map<String, Object> converted) {
    if (part instanceof Literal l) {
      return l.value().deepCopy();
    }
    if (part instanceof ObjectPart o) {
      ObjectNode out = Json.object();
      o.fields().forEach((k, v) -> out.set(k, eval(v, scope, converted)));
      return out;
    }
    if (part instanceof ArrayPart a) {
      ArrayNode out = Json.NODES.arrayNode(a.items().size());
      a.items().forEach(v -> out.add(eval(v, scope, converted)));
      return out;
    }
    Expression e = (Expression) part;
    if (e.syntax() != null) {
      throw threw(e, e.syntax());
    }
    Object result;
    // a parsed Jsonata is not safe for concurrent evaluation
    synchronized (e.compiled()) {
      Jsonata.Frame frame = e.compiled().createFrame();
      Object states = converted.computeIfAbsent("states", k -> toJava(scope.states()));
      frame.bind("states", states);
      for (Map.Entry<String, JsonNode> v : scope.variables().entrySet()) {
        if (e.text().contains("$" + v.getKey())) {
          frame.bind(v.getKey(), converted.computeIfAbsent("$" + v.getKey(),
              k -> toJava(v.getValue())));
        }
      }
      Functions.bind(frame, scope.random());
      frame.setRuntimeBounds(TIMEOUT_MILLIS, MAX_DEPTH);
      try {
        result = e.compiled().evaluate(null, frame);
      } catch (JException x) {
        throw threw(e, x);
      } catch (RuntimeException x) {
        throw new EvaluationError(e.location(), "The JSONata expression '" + e.text()
            + "' specified for the field '" + e.location()
            + "' threw an error during evaluation. " + x.getMessage());
      }
    }
    if (result == null) {
      throw new EvaluationError(e.location(), "The JSONata expression '" + e.text()
          + "' specified for the field '" + e.location() + "' returned nothing (undefined).");
    }
    return toJson(result, e);
  }

  private static EvaluationError threw(Expression e, JException x) {
    return new EvaluationError(e.location(), "The JSONata expression '" + e.text()
        + "' specified for the field '" + e.location() + "' threw an error during evaluation. "
        + (x.getError() != null && x.getError().matches("[A-Z]\\d{4}")
            ? x.getError() + ": " + x.getMessage() : x.getError()));
  }

  // ---------------------------------------------------------------- JSON <-> JSONata values

  static Object toJava(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Jsonata.NULL_VALUE;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(f -> map.put(f.getKey(), toJava(f.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(n -> list.add(toJava(n)));
      return list;
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.asLong() : node.asDouble();
    }
    return node.asDouble();
  }

  private static JsonNode toJson(Object value, Expression e) {
    JsonNodeFactory f = Json.NODES;
    if (value == null || value == Jsonata.NULL_VALUE) {
      return f.nullNode();
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode out = f.objectNode();
      for (Map.Entry<?, ?> en : map.entrySet()) {
        if (en.getValue() != null) { // undefined members vanish, as in jsonata-js
          out.set(String.valueOf(en.getKey()), toJson(en.getValue(), e));
        }
      }
      return out;
    }
    if (value instanceof List<?> list) {
      ArrayNode out = f.arrayNode(list.size());
      for (Object o : list) {
        if (o != null) {
          out.add(toJson(o, e));
        }
      }
      return out;
    }
    if (value instanceof String s) {
      return f.textNode(s);
    }
    if (value instanceof Boolean b) {
      return f.booleanNode(b);
    }
    if (value instanceof Number n) {
      return number(n);
    }
    throw new EvaluationError(e.location(), "The JSONata expression '" + e.text()
        + "' specified for the field '" + e.location()
        + "' returned an unexpected result type: a function is not a JSON value.");
  }

  /** JSON numbers are doubles in JSONata: integral values print without a fraction. */
  static JsonNode number(Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      return Json.NODES.numberNode(n.longValue());
    }
    if (n instanceof BigInteger b) {
      return Json.NODES.numberNode(b);
    }
    double d = n instanceof BigDecimal b ? b.doubleValue() : n.doubleValue();
    if (d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
      return Json.NODES.numberNode((long) d);
    }
    return Json.NODES.numberNode(d);
  }

  /** The functions Step Functions adds to JSONata. */
  private static final class Functions {
    private Functions() {}

    private static Jsonata.JFunction fn(String name, Jsonata.FnVarArgs<Object> body) {
      return Jsonata.function(name, body, null);
    }

    static void bind(Jsonata.Frame frame, Random random) {
      frame.bind("partition", fn("partition", Functions::partition));
      frame.bind("range", fn("range", Functions::range));
      frame.bind("hash", fn("hash", Functions::hash));
      frame.bind("random", fn("random", (List<?> a) -> a.isEmpty() || a.get(0) == null
          ? random.nextDouble() : new Random(((Number) a.get(0)).longValue()).nextDouble()));
      frame.bind("uuid", fn("uuid", (List<?> a) -> Run.uuid(random)));
      frame.bind("parse", fn("parse", Functions::parse));
    }

    private static Object partition(List<?> args) {
      List<?> items = args.get(0) instanceof List<?> l ? l : List.of(args.get(0));
      int size = ((Number) args.get(1)).intValue();
      if (size < 1) {
        throw new IllegalArgumentException("$partition: the chunk size must be at least 1");
      }
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < items.size(); i += size) {
        out.add(new ArrayList<>(items.subList(i, Math.min(items.size(), i + size))));
      }
      return out;
    }

    private static Object range(List<?> args) {
      double start = ((Number) args.get(0)).doubleValue();
      double end = ((Number) args.get(1)).doubleValue();
      double step = ((Number) args.get(2)).doubleValue();
      if (step == 0) {
        throw new IllegalArgumentException("$range: the step must not be 0");
      }
      Utils.JList<Object> out = new Utils.JList<>();
      out.sequence = true; // a one-item result unwraps to the item, as AWS shows
      for (double v = start; step > 0 ? v <= end : v >= end; v += step) {
        out.add(v == Math.rint(v) ? (Object) (long) v : v);
      }
      return out;
    }

    private static Object hash(List<?> args) {
      String algorithm = String.valueOf(args.get(1));
      try {
        MessageDigest md = MessageDigest.getInstance(algorithm);
        return HexFormat.of().formatHex(
            md.digest(String.valueOf(args.get(0)).getBytes(StandardCharsets.UTF_8)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalArgumentException("$hash: unknown algorithm '" + algorithm
            + "' (use MD5, SHA-1, SHA-256, SHA-384 or SHA-512)");
      }
    }

    private static Object parse(List<?> args) {
      return toJava(Json.parse(String.valueOf(args.get(0))));
    }
  }
}
