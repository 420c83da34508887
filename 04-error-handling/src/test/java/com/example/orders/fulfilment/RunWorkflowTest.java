package com.example.orders.fulfilment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The "main job" shows what the README promises: history, result, a retry, a caught error, the path. */
class RunWorkflowTest {

  @Test
  @DisplayName("the default sample prints the history, a retry, the caught decline, the path diagram and the other samples")
  void defaultSampleReport() throws Exception {
    String sample = "events/order-flaky-warehouse-declined-card.json";
    String report = RunWorkflow.report(Path.of("."), sample, Files.readString(Path.of(sample)), false);

    assertTrue(report.contains("== Execution history =="), report);
    assertEquals(2, report.lines().filter(l -> l.contains("LambdaFunctionFailed") && l.contains("WarehouseUnavailable")).count(), report);
    assertTrue(report.contains("status: FAILED\nerror:  OrderCancelled\n"), report);
    assertTrue(report.contains("retried: ReserveInventory 2x after com.example.orders.fulfilment.WarehouseUnavailableException"), report);
    assertTrue(report.contains("caught: com.example.orders.fulfilment.ChargePayment$PaymentDeclinedException: Card of customer cust-42"), report);
    assertTrue(report.contains("```mermaid\nflowchart TD\n"), report);
    assertTrue(report.contains("./mvnw -q test-compile -Drun-workflow -Dorder=events/order-payment-slow.json"), report);
    assertTrue(report.contains("order-happy.json"), report);
  }

  @Test
  @DisplayName("a missing sample is named, with the list of samples")
  void missingSample() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunWorkflow.main(new String[] {".", "events/no-such-order.json"}));
    assertTrue(e.getMessage().startsWith("order file not found: events/no-such-order.json"), e.getMessage());
    assertTrue(e.getMessage().contains("order-happy.json"), e.getMessage());
  }
}
