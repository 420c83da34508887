package com.example.orders.fulfilment;

import static com.example.orders.fulfilment.RedriveAfterAFixTest.WORKFLOW;
import static com.example.orders.fulfilment.RedriveAfterAFixTest.lambdaEvents;
import static com.example.orders.fulfilment.RedriveAfterAFixTest.order;
import static com.example.orders.fulfilment.RedriveAfterAFixTest.statesEntered;
import static com.example.orders.fulfilment.RedriveAfterAFixTest.withTheBug;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.ExecutionStatus;
import com.example.workshop.runtime.sfn.HistoryEvent;
import com.example.workshop.runtime.sfn.LocalStepFunctions;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise 04 (optional), solution: a second bug, a second redrive. The incident of
 * RedriveAfterAFixTest, but the release that fixes the refund breaks ReleaseInventory
 * ({@link BuggyReleaseInventory}). The first redrive refunds the charge and fails at
 * ReleaseInventory; once that is fixed too, the second redrive runs ReleaseInventory and
 * OrderCancelled only: the refund, which succeeded, does not run again. Runs with
 * {@code -Pexercises} (see the README).
 */
@Tag("exercise")
class SecondRedriveExerciseTest {

  /** The refund's fix, deployed in a release that broke ReleaseInventory. */
  private static LocalStepFunctions theFixWithASecondBug() {
    return WORKFLOW.engine(0).randomSeed(42)
        .function("ReleaseInventoryFunctionArn", BuggyReleaseInventory.class.getName() + "::handleRequest")
        .build();
  }

  @Test
  @DisplayName("a second bug fails the first redrive at ReleaseInventory; the second redrive releases and cancels, and refunds no second time")
  void theSecondRedriveRunsOnlyWhatStillFailed() throws IOException {
    Execution failed = withTheBug().start(WORKFLOW.machine, order(), OrderFulfilment.PAYMENT_CONFIRMED);
    Execution failedAgain = theFixWithASecondBug().redrive(failed);
    Execution done = WORKFLOW.engine(0).build().redrive(failedAgain);
    List<HistoryEvent> history = done.history();
    List<HistoryEvent> firstRedrive = history.subList(failed.history().size(), failedAgain.history().size());
    List<HistoryEvent> secondRedrive = history.subList(failedAgain.history().size(), history.size());
    String table = done.historyTable();

    // The first redrive: the refund works now, the release does not.
    assertEquals(ExecutionStatus.FAILED, failedAgain.status(), table);
    assertEquals("java.lang.IllegalArgumentException", failedAgain.error(), table);
    assertEquals(List.of("RefundPayment", "ReleaseInventory"), statesEntered(firstRedrive), table);
    assertEquals(1, lambdaEvents(firstRedrive, "RefundPayment", "LambdaFunctionSucceeded"), table);
    assertEquals(11, lambdaEvents(firstRedrive, "ReleaseInventory", "LambdaFunctionFailed"),
        "a bug again: the first attempt and 10 retries\n" + table);

    // The second redrive: the same execution goes on from the state that failed last.
    assertEquals(failed.executionArn(), done.executionArn());
    assertEquals(2, done.redriveCount());
    assertEquals("ExecutionRedriven", secondRedrive.get(0).type(), table);
    assertEquals(2, secondRedrive.get(0).details().path("redriveCount").asInt(), table);
    assertEquals(List.of("ReleaseInventory", "OrderCancelled"), statesEntered(secondRedrive),
        "RefundPayment succeeded in the first redrive: it is not run again\n" + table);

    // Over the whole history: what ran how often.
    assertEquals(1, lambdaEvents(history, "ChargePayment", "LambdaFunctionScheduled"), "charged once\n" + table);
    assertEquals(12, lambdaEvents(history, "RefundPayment", "LambdaFunctionScheduled"),
        "11 failed attempts in the first run, 1 success in the first redrive\n" + table);
    assertEquals(1, lambdaEvents(history, "RefundPayment", "LambdaFunctionSucceeded"), "refunded once\n" + table);
    assertEquals(12, lambdaEvents(history, "ReleaseInventory", "LambdaFunctionScheduled"),
        "11 failed attempts in the first redrive, 1 success in the second\n" + table);
    assertEquals(1, lambdaEvents(history, "ReleaseInventory", "LambdaFunctionSucceeded"), "released once\n" + table);

    assertEquals(ExecutionStatus.FAILED, done.status(), table);
    assertEquals("OrderCancelled", done.error(), table);
  }
}
