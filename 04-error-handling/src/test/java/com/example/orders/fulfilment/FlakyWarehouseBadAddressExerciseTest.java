package com.example.orders.fulfilment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.orders.fulfilment.OrderFulfilment.Attempt;
import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.ExecutionStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise 04, solution: two classroom switches at once, {@code warehouse-flaky} and
 * {@code address-rejected}. The reservation succeeds on its third attempt (two retries, each
 * delay at most MaxDelaySeconds), the card is charged, the carrier rejects the address, and the
 * saga undoes both steps before the Fail state. Runs with {@code -Pexercises} (see the README).
 */
@Tag("exercise")
class FlakyWarehouseBadAddressExerciseTest {

  @Test
  @DisplayName("flaky warehouse + rejected address: two retries, then refund and release before OrderCancelled")
  void retriedThenCompensated() {
    OrderFulfilment workflow = OrderFulfilment.load(Path.of("."));
    String order = """
        {"orderId": "ord-2099", "customerId": "cust-42",
         "items": [{"sku": "BOOK-42", "quantity": 1, "unitPrice": 12.5}],
         "shipTo": {"name": "Mina Park", "city": "Berlin", "country": "DE"},
         "simulate": ["warehouse-flaky", "address-rejected"]}""";

    Execution run = workflow.engine(0).randomSeed(7).build().start(workflow.machine, order, OrderFulfilment.PAYMENT_CONFIRMED);

    assertEquals(ExecutionStatus.FAILED, run.status(), run.historyTable());
    assertEquals("OrderCancelled", run.error());
    assertEquals(List.of("ValidateOrder", "ReserveInventory", "ChargePayment", "ConfirmPayment", "ShipOrder", "RefundPayment",
        "ReleaseInventory", "OrderCancelled"), run.visitedStates(), run.historyTable());
    List<Attempt> failed = OrderFulfilment.failedAttempts(run);
    assertEquals(List.of("ReserveInventory", "ReserveInventory", "ShipOrder"),
        failed.stream().map(Attempt::state).toList(), run.historyTable());
    for (Attempt retried : failed.subList(0, 2)) {
      assertTrue(retried.delay().compareTo(Duration.ofSeconds(3)) <= 0, "MaxDelaySeconds 3 caps " + retried);
    }
  }
}
