package com.example.workshop.runtime.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Numbers keep their exact value through every state, and JSON text is one value (issue 12):
 * engine/exact-numbers.json, compared as text so that a changed spelling is seen too.
 */
class ExactNumbersTest {
  static Stream<Arguments> cases() {
    return GoldenFiles.cases("engine/exact-numbers.json");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void numbersAndJsonTextFollowTheTable(JsonNode c) {
    ObjectNode states = GoldenFiles.MAPPER.createObjectNode();
    states.set("S", c.get("state"));
    if (c.get("state").path("Type").asText().equals("Choice")) {
      states.putObject("Big").put("Type", "Pass").put("Result", "Big").put("End", true);
      states.putObject("Small").put("Type", "Pass").put("Result", "Small").put("End", true);
    }
    ObjectNode definition = GoldenFiles.MAPPER.createObjectNode();
    definition.put("StartAt", "S");
    definition.set("States", states);
    StateMachine machine = StateMachine.parse(definition.toString(), Map.of());
    String task = c.path("task").asText("{}");
    LocalStepFunctions engine = EngineTestSupport.engine().function("Price", event -> task).build();
    String input = c.has("deep")
        ? "[".repeat(c.get("deep").asInt()) + "]".repeat(c.get("deep").asInt())
        : c.get("input").asText();
    if (c.has("rejected")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> engine.start(machine, input, null));
      assertEquals(c.get("rejected").asText(), e.getMessage());
      return;
    }
    Execution ex = engine.start(machine, input, null);
    if (c.has("error")) {
      assertEquals(ExecutionStatus.FAILED, ex.status());
      assertEquals(c.get("error").asText(), ex.error());
      assertTrue(ex.cause().contains(c.get("cause").asText()), ex.cause());
      return;
    }
    assertEquals(ExecutionStatus.SUCCEEDED, ex.status(), ex.error() + ": " + ex.cause());
    assertEquals(c.get("output").asText(), ex.output());
  }
}
