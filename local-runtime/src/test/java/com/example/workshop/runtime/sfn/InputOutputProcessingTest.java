package com.example.workshop.runtime.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** InputPath, Parameters, Result, ResultSelector, ResultPath, OutputPath: engine/io-processing.json. */
class InputOutputProcessingTest {
  private static final ObjectMapper JSON = GoldenFiles.MAPPER;

  static Stream<Arguments> cases() {
    return GoldenFiles.cases("engine/io-processing.json");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void stateOutputMatchesTheTable(JsonNode c) throws IOException {
    ObjectNode states = JSON.createObjectNode();
    states.set("S", c.get("state"));
    if (c.get("state").path("Type").asText().equals("Choice")) {
      states.putObject("Big").put("Type", "Succeed");
    }
    ObjectNode definition = JSON.createObjectNode();
    definition.put("StartAt", "S");
    definition.set("States", states);
    String result = c.has("task") ? c.get("task").asText() : "{}";
    Execution ex = EngineTestSupport.engine().function("Price", event -> result).build()
        .start(StateMachine.parse(definition.toString(), Map.of()), c.get("input").toString());
    assertEquals(ExecutionStatus.SUCCEEDED, ex.status(), ex.error() + ": " + ex.cause());
    assertEquals(c.get("output"), JSON.readTree(ex.output()));
  }
}
