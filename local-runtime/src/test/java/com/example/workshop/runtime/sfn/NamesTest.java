package com.example.workshop.runtime.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Execution and state machine names, account and region as AWS accepts them: engine/names.json. */
class NamesTest {
  private static final StateMachine PASS =
      EngineTestSupport.machine("{'StartAt': 'P', 'States': {'P': {'Type': 'Pass', 'End': true}}}");

  static Stream<Arguments> cases() {
    return GoldenFiles.cases("engine/names.json");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void namesFollowAwsRules(JsonNode c) {
    Runnable attempt = () -> {
      LocalStepFunctions.Builder b = EngineTestSupport.engine();
      if (c.has("account")) {
        b.accountId(c.get("account").asText());
      }
      if (c.has("region")) {
        b.region(c.get("region").asText());
      }
      StartOptions options = StartOptions.defaults()
          .withExecutionName(c.has("executionName") ? c.get("executionName").asText() : null)
          .withStateMachineName(c.has("stateMachineName") ? c.get("stateMachineName").asText() : null);
      Execution ex = b.build().start(PASS, "{}", options);
      assertEquals(ExecutionStatus.SUCCEEDED, ex.status());
      if (c.has("executionName")) {
        assertTrue(ex.executionArn().endsWith(":" + c.get("executionName").asText()), ex.executionArn());
      }
    };
    if (c.has("message")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, attempt::run);
      assertEquals(c.get("message").asText(), e.getMessage());
    } else {
      attempt.run();
    }
  }
}
