package com.example.workshop.runtime.sfn.internal.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.runtime.sfn.GoldenFiles;
import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import com.example.workshop.runtime.sfn.internal.model.ChoiceState;
import com.example.workshop.runtime.sfn.internal.model.Machine;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.ChoiceRule;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.JsonPathCondition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JSONPath Choice rules as the definition compiler builds them: how they evaluate (golden tables
 * choice/*.json) and what it reports for rules AWS would not accept (choice/invalid.json).
 */
class ChoiceRulesTest {
  private static final String RULE_POINTER = "/States/Route/Choices/0";

  static Stream<Arguments> evaluations() {
    return Stream.of("comparisons", "type_tests", "matches", "composite", "errors")
        .flatMap(f -> GoldenFiles.cases("choice/" + f + ".json"));
  }

  static Stream<Arguments> invalidRules() {
    return GoldenFiles.cases("choice/invalid.json");
  }

  /** A machine whose Choice state has {@code rule} as its only rule. */
  private static JsonNode definition(JsonNode rule) {
    ObjectNode def = (ObjectNode) GoldenFiles.json("""
        {"StartAt": "Route", "States": {
          "Route": {"Type": "Choice", "Choices": [], "Default": "X"},
          "X": {"Type": "Succeed"}}}""");
    ((com.fasterxml.jackson.databind.node.ArrayNode) def.at("/States/Route/Choices")).add(rule);
    return def;
  }

  private static Compiler.Result compile(JsonNode rule) {
    return Compiler.compile(definition(rule), LineLocator.none());
  }

  @ParameterizedTest
  @MethodSource("evaluations")
  @DisplayName("evaluates like AWS")
  void matches(JsonNode c) {
    ObjectNode rule = ((ObjectNode) c.get("rule")).deepCopy();
    rule.put("Next", "X");
    Compiler.Result result = compile(rule);
    assertEquals(List.of(), result.problems());
    Machine machine = result.machine();
    ChoiceState choice = (ChoiceState) machine.top().state("Route");
    ChoiceRule compiled = ((JsonPathCondition) choice.rules().get(0).condition()).rule();
    JsonNode input = c.get("input");
    JsonNode context = c.path("context");
    Map<String, JsonNode> variables = new LinkedHashMap<>();
    c.path("variables").fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue()));
    if (c.has("error")) {
      StatesError e = assertThrows(StatesError.class,
          () -> compiled.matches(input, context, variables));
      assertEquals("States.Runtime", e.error());
      assertEquals(c.get("error").asText(), e.cause());
    } else {
      assertEquals(c.get("expected").asBoolean(), compiled.matches(input, context, variables));
    }
    assertEquals("X", choice.rules().get(0).next());
  }

  @ParameterizedTest
  @MethodSource("invalidRules")
  @DisplayName("reports a rule AWS would not accept, where it is, and builds no machine")
  void invalid(JsonNode c) {
    Compiler.Result result = compile(c.get("rule"));
    assertNull(result.machine());
    String at = RULE_POINTER + c.get("at").asText();
    assertTrue(result.problems().stream().anyMatch(p -> p.location().equals(at)
        && p.message().equals(c.get("message").asText())),
        "expected '" + c.get("message").asText() + "' at " + at + " in " + result.problems());
  }
}
