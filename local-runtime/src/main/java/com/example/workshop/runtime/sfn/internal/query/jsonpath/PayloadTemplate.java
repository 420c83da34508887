package com.example.workshop.runtime.sfn.internal.query.jsonpath;

import com.example.workshop.runtime.sfn.internal.asl.ErrorNames;
import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import com.example.workshop.runtime.sfn.internal.query.EvalContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A compiled payload template (Parameters, ItemSelector, ResultSelector, Assign): keys ending in
 * {@code .$} are evaluated against the input ({@code $...}), the Context object ({@code $$...}), a
 * variable ({@code $name}) or are intrinsic functions; everything else is copied. A template without
 * such keys is a constant.
 */
public final class PayloadTemplate {
  private final Node root;

  private PayloadTemplate(Node root) {
    this.root = root;
  }

  /** Null when the field is absent. */
  public static PayloadTemplate compile(JsonNode template) {
    return template == null ? null : new PayloadTemplate(node(template));
  }

  /** Evaluates against {@code input}; the Context object is built only when a key reads {@code $$}. */
  public JsonNode apply(JsonNode input, EvalContext context) {
    return root.eval(input, context);
  }

  /** One compiled value. */
  public interface Node {
    JsonNode eval(JsonNode input, EvalContext context);
  }

  private static Node node(JsonNode value) {
    if (!isDynamic(value)) {
      JsonNode constant = value;
      return (input, context) -> constant;
    }
    if (value.isArray()) {
      List<Node> items = new ArrayList<>();
      value.forEach(v -> items.add(node(v)));
      return (input, context) -> {
        ArrayNode out = Json.NODES.arrayNode(items.size());
        for (Node n : items) {
          out.add(n.eval(input, context));
        }
        return out;
      };
    }
    List<String> keys = new ArrayList<>();
    List<Node> values = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      if (key.endsWith(".$") && e.getValue().isTextual()) {
        keys.add(key.substring(0, key.length() - 2));
        values.add(expression(key, e.getValue().asText()));
      } else {
        keys.add(key);
        values.add(node(e.getValue()));
      }
    }
    return (input, context) -> {
      ObjectNode out = Json.object();
      for (int i = 0; i < keys.size(); i++) {
        out.set(keys.get(i), values.get(i).eval(input, context));
      }
      return out;
    };
  }

  private static boolean isDynamic(JsonNode value) {
    if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().endsWith(".$") || isDynamic(e.getValue())) {
          return true;
        }
      }
    } else if (value.isArray()) {
      for (JsonNode v : value) {
        if (isDynamic(v)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * One {@code "key.$": "expr"} value (or an ErrorPath/CausePath): a context path, a variable, an
   * input path or an intrinsic call.
   */
  public static Node expression(String field, String expr) {
    if (expr.startsWith("$$")) {
      QueryPath path = QueryPath.of(expr.substring(1));
      return (input, context) -> readOrFail(path, context.contextObject(), expr, field, input);
    }
    if (JsonPaths.isVariablePath(expr)) {
      return (input, context) -> {
        try {
          return JsonPaths.resolve(expr, input, null, context.variables());
        } catch (JsonPaths.PathNotFound e) {
          throw notFound(expr, field, input);
        }
      };
    }
    if (expr.startsWith("$")) {
      QueryPath path = QueryPath.of(expr);
      return (input, context) -> readOrFail(path, input, expr, field, input);
    }
    boolean readsContext = expr.contains("$$");
    return (input, context) -> Intrinsics.evaluate(expr, input,
        readsContext ? context.contextObject() : null, context.variables(), context.random());
  }

  private static JsonNode readOrFail(QueryPath path, JsonNode doc, String expr, String field,
      JsonNode input) {
    try {
      return path.read(doc);
    } catch (JsonPaths.PathNotFound e) {
      throw notFound(expr, field, input);
    }
  }

  private static StatesError notFound(String expr, String field, JsonNode input) {
    return new StatesError(ErrorNames.RUNTIME, "The JSONPath '" + expr
        + "' specified for the field '" + field + "' could not be found in the input '"
        + Json.text(input) + "'");
  }
}
