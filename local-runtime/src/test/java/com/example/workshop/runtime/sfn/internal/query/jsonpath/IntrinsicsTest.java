package com.example.workshop.runtime.sfn.internal.query.jsonpath;

import com.example.workshop.runtime.sfn.GoldenFiles;
import com.example.workshop.runtime.sfn.internal.asl.StatesError;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IntrinsicsTest {

  static Stream<Arguments> evaluations() {
    return Stream.of("format", "json", "arrays", "math", "strings")
        .flatMap(f -> GoldenFiles.cases("intrinsics/" + f + ".json"));
  }

  static Stream<Arguments> syntax() {
    return GoldenFiles.cases("intrinsics/syntax.json");
  }

  @ParameterizedTest
  @MethodSource("evaluations")
  @DisplayName("evaluates like AWS")
  void evaluate(JsonNode c) {
    String expression = c.get("expression").asText();
    JsonNode input = c.get("input");
    if (c.has("repeat")) {
      ObjectNode copy = ((ObjectNode) input).deepCopy();
      copy.put("s", "x".repeat(c.get("repeat").asInt()));
      input = copy;
    }
    JsonNode context = c.path("context");
    Map<String, JsonNode> variables = new LinkedHashMap<>();
    c.path("variables").fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue()));
    JsonNode in = input;
    if (c.has("error")) {
      StatesError e =
          assertThrows(
              StatesError.class,
              () -> Intrinsics.evaluate(expression, in, context, variables, new Random(1)));
      assertEquals(c.get("error").asText(), e.error());
      assertTrue(e.cause().startsWith("States."), "cause names the function: " + e.cause());
    } else if (c.has("pathError")) {
      JsonPaths.PathNotFound e =
          assertThrows(
              JsonPaths.PathNotFound.class,
              () -> Intrinsics.evaluate(expression, in, context, variables, new Random(1)));
      assertEquals(c.get("pathError").asText(), e.getMessage());
    } else {
      JsonNode result = Intrinsics.evaluate(expression, in, context, variables, new Random(1));
      if (c.has("expected")) {
        assertEquals(c.get("expected"), result);
      } else if (c.has("range")) {
        long value = result.longValue();
        assertTrue(result.isIntegralNumber(), "integer result: " + result);
        assertTrue(
            value >= c.get("range").get(0).asLong() && value <= c.get("range").get(1).asLong(),
            "in range: " + value);
      } else {
        assertTrue(result.asText().matches(c.get("matches").asText()), "matches: " + result);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("syntax")
  @DisplayName("checkSyntax accepts valid calls and explains invalid ones")
  void checkSyntax(JsonNode c) {
    String expression = c.get("expression").asText();
    if (c.get("valid").asBoolean()) {
      assertDoesNotThrow(() -> Intrinsics.checkSyntax(expression));
    } else {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Intrinsics.checkSyntax(expression));
      assertTrue(
          e.getMessage().contains(c.get("message").asText()),
          "message '" + e.getMessage() + "' should contain '" + c.get("message").asText() + "'");
      assertTrue(e.getMessage().contains(expression), "message quotes the expression");
    }
  }

  @Test
  void recognisesTheShapeOfACall() {
    assertTrue(Intrinsics.isIntrinsic("States.Format('{}', $.orderId)"));
    assertTrue(Intrinsics.isIntrinsic("States.UUID()"));
    assertEquals(false, Intrinsics.isIntrinsic("$.orderId"));
    assertEquals(false, Intrinsics.isIntrinsic("States.Format"));
    assertEquals(false, Intrinsics.isIntrinsic("Order States.UUID()"));
  }

  @Test
  void seededMathRandomIsRepeatable() {
    JsonNode empty = JsonNodeFactory.instance.objectNode();
    JsonNode first = evaluate("States.MathRandom(0, 1000000, 7)", empty, empty);
    for (int i = 0; i < 5; i++) {
      assertEquals(first, evaluate("States.MathRandom(0, 1000000, 7)", empty, empty));
    }
  }

  @Test
  void injectedRandomDrivesUnseededMathRandomAndUuid() {
    JsonNode empty = JsonNodeFactory.instance.objectNode();
    Map<String, JsonNode> none = Map.of();
    for (String expression : new String[] {"States.MathRandom(0, 1000000)", "States.UUID()"}) {
      JsonNode a = Intrinsics.evaluate(expression, empty, empty, none, new Random(42));
      JsonNode b = Intrinsics.evaluate(expression, empty, empty, none, new Random(42));
      JsonNode c = Intrinsics.evaluate(expression, empty, empty, none, new Random(43));
      assertEquals(a, b);
      assertNotEquals(a, c);
    }
  }

  @Test
  void mathRandomEndIsExclusive() {
    JsonNode empty = JsonNodeFactory.instance.objectNode();
    Random random = new Random(5);
    for (int i = 0; i < 200; i++) {
      JsonNode n = Intrinsics.evaluate("States.MathRandom(1, 3)", empty, empty, Map.of(), random);
      assertTrue(n.asInt() == 1 || n.asInt() == 2, "got " + n);
    }
  }

  @Test
  void undefinedVariableIsAPathMiss() {
    JsonNode empty = JsonNodeFactory.instance.objectNode();
    JsonPaths.PathNotFound e =
        assertThrows(
            JsonPaths.PathNotFound.class,
            () -> evaluate("States.Format('{}', $missing)", empty, empty));
    assertEquals("$missing", e.path());
  }

  private static JsonNode evaluate(String expression, JsonNode input, JsonNode context) {
    return Intrinsics.evaluate(expression, input, context, java.util.Map.of(),
        java.util.random.RandomGenerator.getDefault());
  }
}
