package com.example.orders.fulfilment;

import static com.example.orders.fulfilment.JsonAssert.assertJsonEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.ExecutionStatus;
import com.example.workshop.runtime.sfn.HistoryEvent;
import com.example.workshop.runtime.sfn.LocalStepFunctions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redrive after a fix. The carrier rejects ord-2009's address after its card was charged, and the
 * refund that should undo the charge has a bug ({@link BuggyRefundPayment}): the execution fails at
 * RefundPayment with the money taken. Once the fix is deployed, the same execution is redriven: only
 * the state that failed and the states after it run, so the card is not charged a second time.
 */
class RedriveAfterAFixTest {

  static final OrderFulfilment WORKFLOW = OrderFulfilment.load(Path.of("."));
  /** The functions that succeeded before the bug (ConfirmPayment, between them, calls no function). */
  private static final List<String> DONE_BEFORE_THE_BUG =
      List.of("ValidateOrder", "ReserveInventory", "ChargePayment", "ShipOrder");

  /** The engine as it was deployed with the bug: RefundPayment's function runs BuggyRefundPayment. */
  static LocalStepFunctions withTheBug() {
    return WORKFLOW.engine(0).randomSeed(42)
        .function("RefundPaymentFunctionArn", BuggyRefundPayment.class.getName() + "::handleRequest")
        .build();
  }

  static String order() throws IOException {
    return Files.readString(Path.of("events", "order-address-rejected.json"));
  }

  @Test
  @DisplayName("a bug in the refund fails the execution at RefundPayment: retries cannot fix a bug, and no Catch hides it")
  void theBugFailsTheExecutionWhereTheWorkStopped() throws IOException {
    Execution failed = withTheBug().start(WORKFLOW.machine, order(), OrderFulfilment.PAYMENT_CONFIRMED);
    String history = failed.historyTable();

    assertEquals(ExecutionStatus.FAILED, failed.status(), history);
    assertEquals("java.lang.NullPointerException", failed.error(), history);
    assertEquals(List.of("ValidateOrder", "ReserveInventory", "ChargePayment", "ConfirmPayment", "ShipOrder",
        "RefundPayment"), failed.visitedStates(), "the card was charged, the refund never happened");
    assertEquals(11, lambdaEvents(failed.history(), "RefundPayment", "LambdaFunctionFailed"),
        "the first attempt and the 10 retries of its States.ALL retrier, then the execution fails");
    assertNull(failed.redriveStatusReason(), "a FAILED execution that ended just now can be redriven");
  }

  @Test
  @DisplayName("after the fix, redrive runs RefundPayment and what follows, and charges the card no second time")
  void redriveRunsOnlyWhatDidNotSucceed(@TempDir Path dir) throws IOException {
    Path saved = dir.resolve("ord-2009.execution.json");
    // snippet:redrive
    Execution failed = withTheBug().start(WORKFLOW.machine, order(), OrderFulfilment.PAYMENT_CONFIRMED); // FAILED at RefundPayment
    failed.save(saved);                                      // the failed execution waits for the fix
    LocalStepFunctions fixed = WORKFLOW.engine(0).build();   // RefundPayment as template.yaml names it
    Execution redriven = fixed.redrive(Execution.load(saved)); // the same execution, from RefundPayment on
    // end-snippet
    List<HistoryEvent> history = redriven.history();
    List<HistoryEvent> afterRedrive = history.subList(failed.history().size(), history.size());
    String table = redriven.historyTable();

    assertEquals(failed.executionArn(), redriven.executionArn(), "a redrive continues the same execution");
    assertEquals(1, redriven.redriveCount());
    assertEquals("ExecutionRedriven", afterRedrive.get(0).type(), table);
    assertEquals(1, afterRedrive.get(0).details().path("redriveCount").asInt(), table);
    assertEquals(List.of("RefundPayment", "ReleaseInventory", "OrderCancelled"), statesEntered(afterRedrive),
        "only the failed state and the states after it run again");
    for (String done : DONE_BEFORE_THE_BUG) {
      assertEquals(1, lambdaEvents(history, done, "LambdaFunctionScheduled"),
          done + " succeeded before the bug: its function ran once, in the first run only\n" + table);
    }
    assertEquals(1, lambdaEvents(afterRedrive, "RefundPayment", "LambdaFunctionSucceeded"), table);
    assertJsonEquals("{\"refundId\": \"ref-ord-2009\", \"idempotencyKey\": \"ord-2009\"}",
        output(afterRedrive, "RefundPayment"));

    assertEquals(ExecutionStatus.FAILED, redriven.status(), "the saga's end: the order is cancelled, and undone");
    assertEquals("OrderCancelled", redriven.error());
    assertEquals("Order ord-2009 was cancelled after com.example.orders.fulfilment.ShipOrder$AddressRejectedException;"
        + " the completed steps were undone (payment refunded if charged, inventory released).", redriven.cause());
  }

  static List<String> statesEntered(List<HistoryEvent> events) {
    return events.stream().filter(e -> e.type().endsWith("StateEntered"))
        .map(e -> e.details().path("name").asText()).toList();
  }

  /** How many events of {@code type} the Lambda calls of {@code state} recorded. */
  static long lambdaEvents(List<HistoryEvent> events, String state, String type) {
    return lambdaCalls(events, state).stream().filter(e -> e.type().equals(type)).count();
  }

  /** The output of the state's successful Lambda call. */
  private static String output(List<HistoryEvent> events, String state) {
    return lambdaCalls(events, state).stream().filter(e -> e.type().equals("LambdaFunctionSucceeded"))
        .findFirst().orElseThrow().details().path("output").asText();
  }

  /** The Lambda events recorded while {@code state} was the current state (they carry no state name). */
  private static List<HistoryEvent> lambdaCalls(List<HistoryEvent> events, String state) {
    List<HistoryEvent> calls = new ArrayList<>();
    String current = null;
    for (HistoryEvent e : events) {
      if (e.type().endsWith("StateEntered")) {
        current = e.details().path("name").asText();
      } else if (e.type().startsWith("LambdaFunction") && state.equals(current)) {
        calls.add(e);
      }
    }
    return calls;
  }
}
