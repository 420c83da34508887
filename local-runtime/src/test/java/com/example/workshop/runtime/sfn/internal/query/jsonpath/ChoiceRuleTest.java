package com.example.workshop.runtime.sfn.internal.query.jsonpath;

import com.example.workshop.runtime.sfn.GoldenFiles;
import com.example.workshop.runtime.sfn.internal.asl.StatesError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChoiceRuleTest {

  static Stream<Arguments> evaluations() {
    return Stream.of("comparisons", "type_tests", "matches", "composite", "errors")
        .flatMap(f -> GoldenFiles.cases("choice/" + f + ".json"));
  }

  static Stream<Arguments> invalidRules() {
    return GoldenFiles.cases("choice/invalid.json");
  }

  @ParameterizedTest
  @MethodSource("evaluations")
  @DisplayName("evaluates like AWS")
  void matches(JsonNode c) {
    ObjectNode rule = ((ObjectNode) c.get("rule")).deepCopy();
    rule.put("Next", "Matched");
    ChoiceRule parsed = ChoiceRule.parse(rule);
    JsonNode input = c.get("input");
    JsonNode context = c.path("context");
    Map<String, JsonNode> variables = new LinkedHashMap<>();
    c.path("variables").fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue()));
    if (c.has("error")) {
      StatesError e =
          assertThrows(StatesError.class, () -> parsed.matches(input, context, variables));
      assertEquals("States.Runtime", e.error());
      assertEquals(c.get("error").asText(), e.cause());
    } else {
      assertEquals(c.get("expected").asBoolean(), parsed.matches(input, context, variables));
    }
    assertEquals("Matched", parsed.next());
  }

  @ParameterizedTest
  @MethodSource("invalidRules")
  @DisplayName("rejects invalid rules with a message naming the field")
  void invalid(JsonNode c) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ChoiceRule.parse(c.get("rule")));
    assertTrue(
        e.getMessage().contains(c.get("message").asText()),
        "message '" + e.getMessage() + "' should contain '" + c.get("message").asText() + "'");
  }

  @Test
  void locationPrefixesMessages() {
    JsonNode rule = GoldenFiles.json("{\"And\": [{\"Variable\": \"$.a\"}], \"Next\": \"X\"}");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ChoiceRule.parse(rule, "/States/Route/Choices/2"));
    assertTrue(
        e.getMessage().startsWith("Invalid choice rule at /States/Route/Choices/2/And/0: "),
        e.getMessage());
  }

  @Test
  void exposesAssignOfATopLevelRule() {
    ChoiceRule rule =
        ChoiceRule.parse(
            GoldenFiles.json(
                "{\"Variable\": \"$.amount\", \"NumericGreaterThan\": 100, \"Next\": \"Review\","
                    + " \"Assign\": {\"large\": true}}"));
    assertEquals(GoldenFiles.json("{\"large\": true}"), rule.assign());
    assertNull(
        ChoiceRule.parse(
                GoldenFiles.json("{\"Variable\": \"$.a\", \"IsNull\": true, \"Next\": \"X\"}"))
            .assign());
  }

  @Test
  void parsedRuleIsReusableAcrossInputs() {
    ChoiceRule rule =
        ChoiceRule.parse(
            GoldenFiles.json(
                "{\"Variable\": \"$.amount\", \"NumericLessThan\": 10, \"Next\": \"Small\"}"));
    JsonNode none = GoldenFiles.json("{}");
    assertTrue(rule.matches(GoldenFiles.json("{\"amount\": 9.99}"), none));
    assertEquals(false, rule.matches(GoldenFiles.json("{\"amount\": 10}"), none));
    assertTrue(rule.matches(GoldenFiles.json("{\"amount\": -3}"), none));
  }
}
