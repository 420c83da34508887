package com.example.workshop.runtime.sfn;

import static com.example.workshop.runtime.sfn.EngineTestSupport.engine;
import static com.example.workshop.runtime.sfn.EngineTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.workshop.runtime.sfn.TestStateRequest.FieldValidationMode;
import com.example.workshop.runtime.sfn.TestStateRequest.InspectionLevel;
import com.example.workshop.runtime.sfn.TestStateResponse.ErrorDetails;
import com.example.workshop.runtime.sfn.TestStateResponse.Status;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** testState(...): one state run as AWS's TestState API runs it, offline. */
class TestStateTest {
  private static final String RESERVE = """
      {'Type': 'Task', 'Resource': 'arn:aws:states:::lambda:invoke',
       'Parameters': {'FunctionName': 'ReserveInventory', 'Payload.$': '$.order'},
       'ResultSelector': {'reservation.$': '$.Payload'},
       'ResultPath': '$.reserved',
       'Retry': [{'ErrorEquals': ['WarehouseBusy'], 'IntervalSeconds': 2, 'MaxAttempts': 3,
                  'BackoffRate': 2.0}],
       'Catch': [{'ErrorEquals': ['States.ALL'], 'ResultPath': '$.failure', 'Next': 'Refund'}],
       'Next': 'Ship'}""";
  private static final String ORDER = "{\"order\": {\"orderId\": \"o-1\", \"items\": 2}}";

  private static TestStateRequest reserve() {
    return TestStateRequest.of(RESERVE.replace('\'', '"')).withInput(ORDER)
        .withRoleArn("arn:aws:iam::123456789012:role/test-state");
  }

  private static StepFunctionsException refused(TestStateRequest request) {
    return assertThrows(StepFunctionsException.class, () -> engine().build().testState(request));
  }

  @Test
  @DisplayName("a mocked result goes through ResultSelector and ResultPath; DEBUG shows each stage")
  void aMockedResultGoesThroughTheOutputProcessing() {
    TestStateResponse r = engine().build().testState(reserve()
        .withMockResult("{\"Payload\": {\"reservationId\": \"r-9\"}, \"StatusCode\": 200}")
        .withInspectionLevel(InspectionLevel.DEBUG));
    assertEquals(Status.SUCCEEDED, r.status());
    assertEquals("Ship", r.nextState());
    assertEquals(json("{'order': {'orderId': 'o-1', 'items': 2},"
        + " 'reserved': {'reservation': {'reservationId': 'r-9'}}}"), json(r.output()));
    TestStateResponse.InspectionData d = r.inspectionData();
    assertEquals(json(ORDER), json(d.input()));
    assertEquals(json(ORDER), json(d.afterInputPath()));
    assertEquals(json("{'FunctionName': 'ReserveInventory', 'Payload': {'orderId': 'o-1', 'items': 2}}"),
        json(d.afterParameters()));
    assertEquals(json("{'Payload': {'reservationId': 'r-9'}, 'StatusCode': 200}"), json(d.result()));
    assertEquals(json("{'reservation': {'reservationId': 'r-9'}}"), json(d.afterResultSelector()));
    assertEquals(json(r.output()), json(d.afterResultPath()));
  }

  @Test
  @DisplayName("INFO reports status, output and next state, without inspection data")
  void infoHasNoInspectionData() {
    TestStateResponse r = engine().build().testState(reserve()
        .withMockResult("{\"Payload\": {}, \"StatusCode\": 200}"));
    assertEquals(Status.SUCCEEDED, r.status());
    assertNull(r.inspectionData());
  }

  @Test
  @DisplayName("an error its Retry entry would retry is RETRIABLE, with the entry and the wait")
  void aRetriableErrorReportsTheRetryEntryAndBackoff() {
    StateMachine machine = EngineTestSupport.machine("{'StartAt': 'ReserveInventory', 'States': {"
        + "'ReserveInventory': " + RESERVE + ", 'Ship': {'Type': 'Succeed'},"
        + " 'Refund': {'Type': 'Fail', 'Error': 'OrderRefunded'}}}");
    // snippet:test-state
    LocalStepFunctions sfn = LocalStepFunctions.builder().build();
    TestStateResponse r = sfn.testState(TestStateRequest.of(machine, "ReserveInventory")
        .withInput("{\"order\": {\"orderId\": \"o-1\", \"items\": 2}}")
        .withMockError("WarehouseBusy", "try later") // or withMockResult(json); no mock: the function runs
        .withRetrierRetryCount(2)                     // the retries already made
        .withInspectionLevel(TestStateRequest.InspectionLevel.DEBUG));
    r.status();                         // RETRIABLE: the Retry entry would run it again
    r.inspectionData().errorDetails();  // retryIndex 0, retryBackoffIntervalSeconds 8 (2 s * 2.0^2)
    // end-snippet
    assertEquals(Status.RETRIABLE, r.status());
    assertEquals("WarehouseBusy", r.error());
    assertEquals("try later", r.cause());
    assertNull(r.output());
    assertEquals(new ErrorDetails(null, 0, 8), r.inspectionData().errorDetails());
  }

  @Test
  @DisplayName("once its retries are used up the error goes to the Catch entry: CAUGHT_ERROR")
  void anExhaustedRetryIsCaught() {
    TestStateResponse r = engine().build().testState(reserve()
        .withMockError("WarehouseBusy", "still busy").withRetrierRetryCount(3)
        .withInspectionLevel(InspectionLevel.DEBUG));
    assertEquals(Status.CAUGHT_ERROR, r.status());
    assertEquals("Refund", r.nextState());
    assertEquals("WarehouseBusy", r.error());
    assertEquals(json("{'order': {'orderId': 'o-1', 'items': 2},"
        + " 'failure': {'Error': 'WarehouseBusy', 'Cause': 'still busy'}}"), json(r.output()));
    assertEquals(new ErrorDetails(0, 0, null), r.inspectionData().errorDetails());
  }

  @Test
  @DisplayName("an error no Retry or Catch entry takes is FAILED")
  void anUnhandledErrorFails() {
    String task = "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\","
        + " \"Parameters\": {\"FunctionName\": \"Charge\"}, \"End\": true}";
    TestStateResponse r = engine().build().testState(TestStateRequest.of(task)
        .withMockError("PaymentDeclined", "card expired"));
    assertEquals(Status.FAILED, r.status());
    assertEquals("PaymentDeclined", r.error());
    assertEquals("card expired", r.cause());
    assertNull(r.nextState());
  }

  @Test
  @DisplayName("stateName tests one state of a whole machine: a Choice answers with its pick")
  void aStateOfAMachine() {
    StateMachine machine = EngineTestSupport.machine("""
        {'StartAt': 'IsLarge', 'States': {
          'IsLarge': {'Type': 'Choice', 'Choices': [
              {'Variable': '$.items', 'NumericGreaterThan': 10, 'Next': 'Review'}],
            'Default': 'Ship'},
          'Review': {'Type': 'Pass', 'End': true},
          'Ship': {'Type': 'Pass', 'End': true}}}""");
    LocalStepFunctions sfn = engine().build();
    assertEquals("Review", sfn.testState(TestStateRequest.of(machine, "IsLarge")
        .withInput("{\"items\": 12}")).nextState());
    assertEquals("Ship", sfn.testState(TestStateRequest.of(machine, "IsLarge")
        .withInput("{\"items\": 1}")).nextState());
  }

  @Test
  @DisplayName("a Task without a mock runs the Java function bound to it")
  void anUnmockedTaskRunsItsFunction() {
    String task = "{\"Type\": \"Task\","
        + " \"Resource\": \"arn:aws:lambda:us-east-1:123456789012:function:PriceOrder\","
        + " \"End\": true}";
    TestStateResponse r = engine().function("PriceOrder", event -> "{\"total\": 42}").build()
        .testState(TestStateRequest.of(task).withInput("{\"items\": 2}")
            .withRoleArn("arn:aws:iam::123456789012:role/test-state"));
    assertEquals(Status.SUCCEEDED, r.status());
    assertEquals(json("{'total': 42}"), json(r.output()));
  }

  @Test
  @DisplayName("variables the request gives are readable; DEBUG shows them with the ones assigned")
  void variablesInAndOut() {
    String pass = "{\"Type\": \"Pass\", \"QueryLanguage\": \"JSONata\","
        + " \"Assign\": {\"total\": \"{% $price * $states.input.items %}\"},"
        + " \"Output\": \"{% $price %}\", \"End\": true}";
    TestStateResponse r = engine().build().testState(TestStateRequest.of(pass)
        .withInput("{\"items\": 3}").withVariables("{\"price\": 5}")
        .withInspectionLevel(InspectionLevel.DEBUG));
    assertEquals("5", r.output()); // Output sees the variables as they were before Assign
    assertEquals(Status.SUCCEEDED, r.status());
    assertEquals(json("{'price': 5, 'total': 15}"), json(r.inspectionData().variables()));
  }

  @Test
  @DisplayName("a mocked result is checked against the integration's API unless the mode is NONE")
  void fieldValidationModes() {
    String start = "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::states:startExecution\","
        + " \"Parameters\": {\"StateMachineArn\": \"arn:aws:states:us-east-1:123456789012:"
        + "stateMachine:Fulfil\"}, \"End\": true}";
    TestStateRequest request = TestStateRequest.of(start)
        .withMockResult("{\"StartDate\": \"2026-01-15T10:00:00Z\"}");
    StepFunctionsException strict = refused(request);
    assertEquals("ValidationException", strict.errorCode());
    assertEquals("Mock result schema validation error: Required field 'ExecutionArn' is missing",
        strict.getMessage());
    TestStateResponse none = engine().build().testState(request.withMock(
        request.mock().withFieldValidationMode(FieldValidationMode.NONE)));
    assertEquals(Status.SUCCEEDED, none.status());
  }

  @Test
  @DisplayName("requests AWS refuses are refused with AWS's error name and message")
  void awsValidationErrors() {
    StateMachine machine = EngineTestSupport.machine(
        "{'StartAt': 'Ship', 'States': {'Ship': {'Type': 'Pass', 'End': true}}}");
    assertEquals("ValidationException: State not found in definition",
        refused(TestStateRequest.of(machine, "Bill")).toString());
    assertEquals("ValidationException: A test mock should have only one of the following fields:"
        + " [result, errorOutput].", refused(reserve().withMock(
            new TestStateRequest.Mock("{}", new TestStateRequest.MockErrorOutput("E", "c"),
                null))).toString());
    assertEquals("ValidationException: State type 'Pass' is not supported when a mock is"
        + " specified", refused(TestStateRequest.of(machine, "Ship").withMockResult("{}"))
        .toString());
    assertEquals("ValidationException: RoleArn must be specified when testing a Task state",
        refused(TestStateRequest.of(RESERVE.replace('\'', '"'))).toString());
    assertEquals("ValidationException: Mocked result must be valid JSON",
        refused(reserve().withMockResult("not json")).toString());
  }

  @Test
  @DisplayName("the JSON form takes and gives the API's bodies; a body that is not JSON is refused")
  void theJsonForm() {
    LocalStepFunctions sfn = engine().build();
    String response = sfn.testStateJson("{\"definition\": \"{\\\"Type\\\": \\\"Pass\\\","
        + " \\\"Result\\\": {\\\"shipped\\\": true}, \\\"Next\\\": \\\"Notify\\\"}\"}");
    assertEquals(new TestStateResponse(Status.SUCCEEDED, "{\"shipped\":true}", null, null,
        "Notify", null), TestStateResponse.fromJson(response));
    StepFunctionsException e = assertThrows(StepFunctionsException.class,
        () -> sfn.testStateJson("{definition"));
    assertEquals("SerializationException", e.errorCode());
  }

  @Test
  @DisplayName("a definition's ${Key} placeholders take the values given, as SAM resolves them")
  void substitutions() {
    String task = "{\"Type\": \"Task\", \"Resource\": \"${PriceOrderArn}\", \"End\": true}";
    TestStateResponse r = engine().function("PriceOrderArn", event -> "{\"total\": 7}").build()
        .testState(TestStateRequest.of(task).withDefinitionSubstitutions(Map.of("PriceOrderArn",
            "arn:aws:lambda:us-east-1:123456789012:function:PriceOrder"))
            .withRoleArn("arn:aws:iam::123456789012:role/test-state"));
    assertEquals(json("{'total': 7}"), json(r.output()));
  }
}
