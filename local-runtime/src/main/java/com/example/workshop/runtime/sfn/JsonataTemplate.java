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
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.RandomAccess;
import java.util.Set;
import java.util.regex.Pattern;

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

    EvaluationError(String location, String why) {
      super(why, null, false, false);
      this.location = location;
    }
  }

  private sealed interface Part permits Literal, Expression, ObjectPart, ArrayPart {}

  private record Literal(JsonNode value) implements Part {}

  /** {@code variables}: the {@code $name}s the text mentions, bound from the workflow variables. */
  private record Expression(String location, String text, Jsonata compiled, JException syntax,
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
  static JsonataTemplate compile(String field, JsonNode node) {
    if (node == null) {
      return null;
    }
    Part root = part(field, node);
    return new JsonataTemplate(field, root,
        root instanceof Expression e ? e.text() : Json.text(node));
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

  JsonNode apply(Scope scope) {
    return eval(root, scope);
  }

  /**
   * Evaluates and checks the result's type: {@code "boolean"}, {@code "string"}, {@code "number"}
   * or {@code "integer"} (a number without a fraction).
   */
  JsonNode apply(Scope scope, String expected) {
    JsonNode v = eval(root, scope);
    boolean ok = switch (expected) {
      case "boolean" -> v.isBoolean();
      case "string" -> v.isTextual();
      case "number" -> v.isNumber();
      case "integer" -> v.isIntegralNumber() || v.isNumber() && v.asDouble() == Math.rint(v.asDouble());
      default -> throw new IllegalArgumentException(expected);
    };
    if (!ok) {
      throw new EvaluationError(field, "The JSONata expression '" + text
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

  private static JsonNode eval(Part part, Scope scope) {
    if (part instanceof Literal l) {
      return l.value().deepCopy();
    }
    if (part instanceof ObjectPart o) {
      ObjectNode out = Json.object();
      o.fields().forEach((k, v) -> out.set(k, eval(v, scope)));
      return out;
    }
    if (part instanceof ArrayPart a) {
      ArrayNode out = Json.NODES.arrayNode(a.items().size());
      a.items().forEach(v -> out.add(eval(v, scope)));
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
      frame.bind("states", toJava(scope.states()));
      for (String name : e.variables()) {
        JsonNode value = scope.variables().get(name);
        if (value != null) {
          frame.bind(name, toJava(value));
        }
      }
      Functions.bind(frame, scope.random());
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
    return toJson(result, e);
  }

  private static EvaluationError threw(Expression e, JException x) {
    return e.error("threw an error during evaluation. "
        + (x.getError() != null && x.getError().matches("[A-Z]\\d{4}")
            ? x.getError() + ": " + x.getMessage() : x.getError()));
  }

  // ---------------------------------------------------------------- JSON <-> JSONata values

  /**
   * A JSON value as JSONata sees it. Objects and arrays become read-only views that convert a
   * member when it is first read, so an expression pays only for the part of the input it touches.
   */
  static Object toJava(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Jsonata.NULL_VALUE;
    }
    if (node.isObject()) {
      return new ObjectView(node);
    }
    if (node.isArray()) {
      return new ArrayView(node);
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

  private static final class ObjectView extends AbstractMap<String, Object> {
    final JsonNode node;
    private final Map<String, Object> converted = new HashMap<>();
    private Set<Entry<String, Object>> entries;

    ObjectView(JsonNode node) {
      this.node = node;
    }

    @Override
    public Object get(Object key) {
      JsonNode member = key instanceof String k ? node.get(k) : null;
      return member == null ? null : converted.computeIfAbsent((String) key, k -> toJava(member));
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String k && node.has(k);
    }

    @Override
    public int size() {
      return node.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      if (entries == null) {
        Map<String, Object> all = new LinkedHashMap<>();
        node.fieldNames().forEachRemaining(k -> all.put(k, get(k)));
        entries = Collections.unmodifiableMap(all).entrySet();
      }
      return entries;
    }
  }

  private static final class ArrayView extends AbstractList<Object> implements RandomAccess {
    final JsonNode node;
    private final Object[] converted;

    ArrayView(JsonNode node) {
      this.node = node;
      this.converted = new Object[node.size()];
    }

    @Override
    public Object get(int index) {
      Object v = converted[index];
      if (v == null) {
        v = toJava(node.get(index));
        converted[index] = v;
      }
      return v;
    }

    @Override
    public int size() {
      return converted.length;
    }
  }

  private static JsonNode toJson(Object value, Expression e) {
    JsonNodeFactory f = Json.NODES;
    if (value == null || value == Jsonata.NULL_VALUE) {
      return f.nullNode();
    }
    if (value instanceof ObjectView v) {
      return v.node.deepCopy();
    }
    if (value instanceof ArrayView v) {
      return v.node.deepCopy();
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
    throw e.error("returned an unexpected result type: a function is not a JSON value.");
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

    private static final Jsonata.JFunction PARTITION = fn("partition", Functions::partition);
    private static final Jsonata.JFunction RANGE = fn("range", Functions::range);
    private static final Jsonata.JFunction HASH = fn("hash", Functions::hash);
    private static final Jsonata.JFunction PARSE = fn("parse", Functions::parse);

    /** $random and $uuid draw from the execution's (seedable) random source. */
    static void bind(Jsonata.Frame frame, Random random) {
      frame.bind("partition", PARTITION);
      frame.bind("range", RANGE);
      frame.bind("hash", HASH);
      frame.bind("parse", PARSE);
      frame.bind("random", fn("random", (List<?> a) -> a.isEmpty() || a.get(0) == null
          ? random.nextDouble() : new Random(((Number) a.get(0)).longValue()).nextDouble()));
      frame.bind("uuid", fn("uuid", (List<?> a) -> Run.uuid(random)));
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
