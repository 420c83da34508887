package com.example.orders.workflow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;

/** JSON equality where 39.8, 39.80 and 3.98E1 are the same number (Step Functions does not keep scale). */
final class JsonAssert {
  static final ObjectMapper MAPPER = new ObjectMapper();

  static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  };

  private JsonAssert() {}

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  static void assertJsonEquals(String expected, String actual) {
    JsonNode want = json(expected);
    JsonNode got = json(actual);
    assertTrue(want.equals(NUMBERS_BY_VALUE, got), "expected " + want + "\n but was " + got);
  }
}
