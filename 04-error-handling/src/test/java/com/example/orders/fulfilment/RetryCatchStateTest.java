package com.example.orders.fulfilment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.runtime.sfn.LocalStepFunctions;
import com.example.workshop.runtime.sfn.StateMachine;
import com.example.workshop.runtime.sfn.TestStateRequest;
import com.example.workshop.runtime.sfn.TestStateResponse;
import com.example.workshop.runtime.sfn.TestStateResponse.ErrorDetails;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Each Task's Retry and Catch entries on their own, with TestState: the Task's error is mocked,
 * the retries already made are given, and the answer says which entry takes the error, how long
 * AWS would wait before the next attempt, and where a caught error goes. Nothing runs or waits.
 */
class RetryCatchStateTest {

  private static final StateMachine MACHINE = OrderFulfilment.load(Path.of(".")).machine;
  private static final LocalStepFunctions SFN = LocalStepFunctions.builder().build();
  /** An order as it stands after ChargePayment, so that every Task's Parameters find their paths. */
  private static final String ORDER = "{\"orderId\": \"ord-1\", \"items\": [{\"sku\": \"MUG-7\", \"quantity\": 1}],"
      + " \"payment\": {\"paymentId\": \"pay-ord-1\"}}";

  @ParameterizedTest(name = "{0}: {1} after {2} retries is {3}")
  @CsvFileSource(resources = "/retry-catch-cases.psv", delimiter = '|')
  @DisplayName("a Task's error is retried, caught or fails as its Retry and Catch entries say")
  void retryOrCatch(String state, String error, int retriesMade, TestStateResponse.Status status,
      String retryIndex, String catchIndex, String wait, String nextState) {
    // snippet:test-retry
    TestStateResponse r = SFN.testState(TestStateRequest.of(MACHINE, state)
        .withInput(ORDER)
        .withMockError(error, "mocked")
        .withRetrierRetryCount(retriesMade)
        .withInspectionLevel(TestStateRequest.InspectionLevel.DEBUG));
    ErrorDetails details = r.inspectionData().errorDetails();
    // end-snippet
    assertEquals(status, r.status());
    assertEquals(error, r.error());
    assertEquals(absentOr(nextState), r.nextState());
    assertEquals(integerOr(retryIndex), details.retryIndex(), "retryIndex");
    assertEquals(integerOr(catchIndex), details.catchIndex(), "catchIndex");
    Integer waited = details.retryBackoffIntervalSeconds();
    if (wait.contains("..")) {
      int lo = Integer.parseInt(wait.substring(0, wait.indexOf("..")));
      int hi = Integer.parseInt(wait.substring(wait.indexOf("..") + 2));
      assertNotNull(waited, "retryBackoffIntervalSeconds");
      assertTrue(lo <= waited && waited <= hi, "a full-jitter wait in " + wait + ", was " + waited);
    } else {
      assertEquals(integerOr(wait), waited, "retryBackoffIntervalSeconds");
    }
  }

  private static String absentOr(String value) {
    return "-".equals(value) ? null : value;
  }

  private static Integer integerOr(String value) {
    return "-".equals(value) ? null : Integer.valueOf(value);
  }
}
