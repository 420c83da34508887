package com.example.orders.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.example.workshop.runtime.sfn.LocalStepFunctions;
import com.example.workshop.runtime.sfn.TestStateRequest;
import com.example.workshop.runtime.sfn.TestStateResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Each Choice state of the deployed definition on its own, with TestState: no function runs,
 * the state gets exactly the input it is given, and the answer is the state it picks. The same
 * rows run on the JSONata twin, whose rules read variables instead of the input.
 */
class ChoiceStateTest {

  private static final LocalStepFunctions SFN = LocalStepFunctions.builder().build();
  private static final ObjectMapper JSON = new ObjectMapper();
  /** What the JSONPath workflow adds to its document and the JSONata twin assigns to variables. */
  private static final List<String> ASSIGNED = List.of("validation", "price");

  @ParameterizedTest(name = "{0} on {1} picks {2}")
  @CsvFileSource(resources = "/choice-cases.psv", delimiter = '|')
  @DisplayName("a Choice rule picks the next state from its input")
  void choicePicksTheNextState(String state, String input, String nextState) throws Exception {
    TestStateResponse r = onJsonPath(state, input);
    assertEquals(TestStateResponse.Status.SUCCEEDED, r.status());
    assertEquals(nextState, r.nextState());
    assertNull(r.error());
    assertEquals(JSON.readTree(input), JSON.readTree(r.output()), "a Choice passes its input on");
  }

  @ParameterizedTest(name = "{0} on {1} picks {2}")
  @CsvFileSource(resources = "/choice-cases.psv", delimiter = '|')
  @DisplayName("the JSONata twin picks the same state, reading $validation and $price from variables")
  void jsonataTwinPicksTheSameState(String state, String input, String nextState) throws Exception {
    // The twin's Assign keeps validation and price in variables: move them out of the row's input.
    ObjectNode order = (ObjectNode) JSON.readTree(input);
    ObjectNode variables = JSON.createObjectNode();
    for (String name : ASSIGNED) {
      if (order.has(name)) {
        variables.set(name, order.remove(name));
      }
    }
    TestStateResponse r = onJsonata(state, order, variables);
    assertEquals(TestStateResponse.Status.SUCCEEDED, r.status(), () -> r.error() + ": " + r.cause());
    assertEquals(nextState, r.nextState());
    assertNull(r.error());
    assertEquals(order, JSON.readTree(r.output()), "a Choice passes its input on");
  }

  /** {@code state} of the JSONPath file, alone, on {@code input}. */
  static TestStateResponse onJsonPath(String state, String input) {
    // snippet:test-choice
    TestStateResponse r = SFN.testState(
        TestStateRequest.of(Workflow.JSONPATH.machine(), state).withInput(input));
    // end-snippet
    return r;
  }

  /** {@code state} of the JSONata twin, alone, on {@code order}, with the variables its Assign fields set. */
  static TestStateResponse onJsonata(String state, JsonNode order, JsonNode variables) {
    // snippet:test-choice-variables
    TestStateResponse r = SFN.testState(
        TestStateRequest.of(Workflow.JSONATA.machine(), state)
            .withInput(order.toString())
            .withVariables(variables.toString()));
    // end-snippet
    return r;
  }
}
