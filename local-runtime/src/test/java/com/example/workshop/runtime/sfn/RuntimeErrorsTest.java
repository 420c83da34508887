package com.example.workshop.runtime.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runtime errors, their names and AWS's cause texts: engine/runtime-errors.json. */
class RuntimeErrorsTest {
  private static final ObjectMapper JSON = GoldenFiles.MAPPER;

  static Stream<Arguments> cases() {
    return GoldenFiles.cases("engine/runtime-errors.json");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void failsWithAwsErrorAndCause(JsonNode c) {
    ObjectNode states = JSON.createObjectNode();
    states.set("S", c.get("state"));
    states.putObject("Big").put("Type", "Succeed");
    ObjectNode definition = JSON.createObjectNode();
    definition.put("StartAt", "S");
    definition.set("States", states);
    if (!c.path("state").path("Type").asText().equals("Choice")) {
      states.remove("Big");
    }
    Execution ex = EngineTestSupport.engine().build()
        .start(StateMachine.parse(definition.toString(), Map.of()), c.get("input").toString());
    assertEquals(ExecutionStatus.FAILED, ex.status());
    assertEquals(c.get("error").asText(), ex.error());
    if (c.has("cause")) {
      assertEquals(c.get("cause").asText(), ex.cause());
    } else {
      assertTrue(ex.cause().startsWith(c.get("causeStartsWith").asText()), ex.cause());
    }
  }
}
