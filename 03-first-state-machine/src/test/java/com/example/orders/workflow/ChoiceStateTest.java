package com.example.orders.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.example.workshop.runtime.sfn.LocalStepFunctions;
import com.example.workshop.runtime.sfn.TestStateRequest;
import com.example.workshop.runtime.sfn.TestStateResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Each Choice state of the deployed definition on its own, with TestState: no function runs,
 * the state gets exactly the input it is given, and the answer is the state it picks.
 */
class ChoiceStateTest {

  private static final LocalStepFunctions SFN = LocalStepFunctions.builder().build();

  @ParameterizedTest(name = "{0} on {1} picks {2}")
  @CsvFileSource(resources = "/choice-cases.psv", delimiter = '|')
  @DisplayName("a Choice rule picks the next state from its input")
  void choicePicksTheNextState(String state, String input, String nextState) throws Exception {
    // snippet:test-choice
    TestStateResponse r = SFN.testState(
        TestStateRequest.of(Workflow.JSONPATH.machine(), state).withInput(input));
    // end-snippet
    assertEquals(TestStateResponse.Status.SUCCEEDED, r.status());
    assertEquals(nextState, r.nextState());
    assertNull(r.error());
    ObjectMapper json = new ObjectMapper();
    assertEquals(json.readTree(input), json.readTree(r.output()), "a Choice passes its input on");
  }
}
