package com.example.workshop.runtime.sfn.internal.query.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

/** Conversions between Jackson trees and the Java values JSONata works on. */
final class JsonataValues {
  private JsonataValues() {}

  /**
   * The numbers of one evaluation that a double cannot hold exactly (12345678901234567.89, 1e400),
   * each by the very Double object JSONata was given: JSONata computes with doubles, as jsonata-js
   * does, but a number it only passes along comes back as it was written.
   */
  static final class Exact {
    private final Map<Object, JsonNode> numbers = new IdentityHashMap<>();

    private Object number(JsonNode node) {
      Double d = node.asDouble(); // a new object each time: the identity is this node's
      if (!Double.isFinite(d) || new BigDecimal(d).compareTo(node.decimalValue()) != 0) {
        numbers.put(d, node);
      }
      return d;
    }

    private JsonNode original(Object value) {
      return numbers.get(value);
    }
  }

  /** As {@link #toJava(JsonNode, Exact)} without keeping exact numbers ($parse's result). */
  static Object toJava(JsonNode node) {
    return toJava(node, null);
  }

  /**
   * A JSON value as JSONata sees it. Objects and arrays become read-only views that convert a
   * member when it is first read, so an expression pays only for the part of the input it touches.
   */
  static Object toJava(JsonNode node, Exact exact) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Jsonata.NULL_VALUE;
    }
    if (node.isObject()) {
      return new ObjectView(node, exact);
    }
    if (node.isArray()) {
      return new ArrayView(node, exact);
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.asLong();
    }
    return exact != null ? exact.number(node) : node.asDouble();
  }

  private static final class ObjectView extends AbstractMap<String, Object> {
    final JsonNode node;
    private final Exact exact;
    private final Map<String, Object> converted = new HashMap<>();
    private Set<Entry<String, Object>> entries;

    ObjectView(JsonNode node, Exact exact) {
      this.node = node;
      this.exact = exact;
    }

    @Override
    public Object get(Object key) {
      JsonNode member = key instanceof String k ? node.get(k) : null;
      return member == null ? null : converted.computeIfAbsent((String) key, k -> toJava(member, exact));
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
    private final Exact exact;
    private final Object[] converted;

    ArrayView(JsonNode node, Exact exact) {
      this.node = node;
      this.exact = exact;
      this.converted = new Object[node.size()];
    }

    @Override
    public Object get(int index) {
      Object v = converted[index];
      if (v == null) {
        v = toJava(node.get(index), exact);
        converted[index] = v;
      }
      return v;
    }

    @Override
    public int size() {
      return converted.length;
    }
  }

  static JsonNode toJson(Object value, JsonataTemplate.Expression e, Exact exact) {
    JsonNodeFactory f = Json.NODES;
    JsonNode original = exact.original(value);
    if (original != null) {
      return original;
    }
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
          out.set(String.valueOf(en.getKey()), toJson(en.getValue(), e, exact));
        }
      }
      return out;
    }
    if (value instanceof List<?> list) {
      ArrayNode out = f.arrayNode(list.size());
      for (Object o : list) {
        if (o != null) {
          out.add(toJson(o, e, exact));
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
}
