package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A compiled payload template (Parameters, ItemSelector, ResultSelector): keys ending in {@code .$}
 * are evaluated against the input ({@code $...}), the context object ({@code $$...}) or are
 * intrinsic functions; everything else is copied. A template without such keys is a constant.
 */
final class PayloadTemplate {
  private final Node root;
  final boolean usesContext;

  private PayloadTemplate(Node root, boolean usesContext) {
    this.root = root;
    this.usesContext = usesContext;
  }

  static PayloadTemplate compile(JsonNode template) {
    if (template == null) {
      return null;
    }
    boolean[] ctx = new boolean[1];
    return new PayloadTemplate(node(template, ctx), ctx[0]);
  }

  /** What a template can read besides its input: {@code $$} (built on demand) and variables. */
  interface Context extends Supplier<JsonNode> {
    Map<String, JsonNode> variables();
  }

  /** Evaluates against {@code input}; {@code context} is only called when a key reads {@code $$}. */
  JsonNode apply(JsonNode input, Context context) {
    return root.eval(input, context);
  }

  /** Drives MathRandom/UUID in intrinsics; set per thread by the running execution. */
  static final ThreadLocal<java.util.Random> RANDOM =
      ThreadLocal.withInitial(java.util.Random::new);

  interface Node {
    JsonNode eval(JsonNode input, Context context);
  }

  private static Node node(JsonNode value, boolean[] ctx) {
    if (!isDynamic(value)) {
      JsonNode constant = value;
      return (input, context) -> constant;
    }
    if (value.isArray()) {
      List<Node> items = new ArrayList<>();
      value.forEach(v -> items.add(node(v, ctx)));
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
        values.add(expression(key, e.getValue().asText(), ctx));
      } else {
        keys.add(key);
        values.add(node(e.getValue(), ctx));
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

  /** One {@code "key.$": "expr"} value: a context path, an input path or an intrinsic call. */
  static Node expression(String field, String expr, boolean[] ctx) {
    if (expr.startsWith("$$")) {
      ctx[0] = true;
      QueryPath path = QueryPath.of(expr.substring(1));
      return (input, context) -> readOrFail(path, context.get(), expr, field, input);
    }
    if (JsonPaths.isVariablePath(expr)) {
      return (input, context) -> {
        try {
          return JsonPaths.resolve(expr, input, null, context.variables());
        } catch (JsonPaths.PathNotFound e) {
          throw new StatesError("States.Runtime", "The JSONPath '" + expr
              + "' specified for the field '" + field + "' could not be found in the input '"
              + Json.text(input) + "'");
        }
      };
    }
    if (expr.startsWith("$")) {
      QueryPath path = QueryPath.of(expr);
      return (input, context) -> readOrFail(path, input, expr, field, input);
    }
    if (expr.contains("$$")) {
      ctx[0] = true;
    }
    boolean readsContext = expr.contains("$$");
    return (input, context) -> Intrinsics.evaluate(expr, input,
        readsContext ? context.get() : null, context.variables(), RANDOM.get());
  }

  static JsonNode readOrFail(QueryPath path, JsonNode doc, String expr, String field,
      JsonNode input) {
    try {
      return path.read(doc);
    } catch (JsonPaths.PathNotFound e) {
      throw new StatesError("States.Runtime", "The JSONPath '" + expr
          + "' specified for the field '" + field + "' could not be found in the input '"
          + Json.text(input) + "'");
    }
  }
}
