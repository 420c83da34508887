package com.example.workshop.runtime.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which events AWS records, in which order: engine/histories.json. */
class HistoryShapeTest {
  private static final ObjectMapper JSON = GoldenFiles.MAPPER;

  static Stream<Arguments> cases() {
    return GoldenFiles.cases("engine/histories.json");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void eventTypesFollowAws(JsonNode c) {
    boolean fail = c.path("charge").asText().equals("fail");
    Execution ex = EngineTestSupport.engine()
        .function("Charge", event -> {
          if (fail) {
            throw new LambdaFunctionError("CardDeclined", "insufficient funds");
          }
          return "{\"paid\": true}";
        }).build()
        .start(StateMachine.parse(c.get("definition").toString(), Map.of()),
            c.has("input") ? c.get("input").toString() : "{}");
    List<String> expected = new ArrayList<>();
    c.get("types").forEach(t -> expected.add(t.asText()));
    assertEquals(expected, EngineTestSupport.types(ex));
    for (int i = 0; i < ex.history().size(); i++) {
      assertEquals(i + 1, ex.history().get(i).id());
    }
  }
}
