package com.example.workshop.runtime.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSONata query language, one golden case each: engine/jsonata.json holds {@code {"name",
 * "definition", "input", "output" | "error" and "cause", "types"?, "elapsedSeconds"?}}. The
 * function Charge answers {@code {"paid": true, "charged": <its input>}}, or fails with
 * CardDeclined when its input has {@code "decline": true}.
 */
class JsonataTest {
  private static final LocalStepFunctions ENGINE = EngineTestSupport.engine()
      .function("Charge", event -> {
        JsonNode in = GoldenFiles.json(event);
        if (in.path("decline").asBoolean()) {
          throw new LambdaFunctionError("CardDeclined", "insufficient funds");
        }
        ObjectNode out = GoldenFiles.MAPPER.createObjectNode().put("paid", true);
        out.set("charged", in);
        return out.toString();
      }).build();

  static Stream<Arguments> cases() {
    return GoldenFiles.cases("engine/jsonata.json");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void runsAsAwsDoes(JsonNode c) {
    Execution ex = ENGINE.start(StateMachine.parse(c.get("definition").toString(), Map.of()),
        c.get("input").toString());
    if (c.has("error")) {
      assertEquals(ExecutionStatus.FAILED, ex.status(), ex::toString);
      assertEquals(c.get("error").asText(), ex.error());
      assertEquals(c.get("cause").asText(), ex.cause());
    } else {
      assertEquals(ExecutionStatus.SUCCEEDED, ex.status(), ex::toString);
      assertEquals(c.get("output"), GoldenFiles.json(ex.output()));
    }
    if (c.has("types")) {
      List<String> expected = new ArrayList<>();
      c.get("types").forEach(t -> expected.add(t.asText()));
      assertEquals(expected, EngineTestSupport.types(ex));
    }
    if (c.has("elapsedSeconds")) {
      assertEquals(c.get("elapsedSeconds").asLong(),
          EngineTestSupport.secondsAt(ex, ex.history().size() - 1));
    }
  }
}
