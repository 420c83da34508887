package com.example.orders.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.ExecutionStatus;
import com.example.workshop.runtime.sfn.StateMachine;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise 03, solution: an order worth exactly 1000.00 EUR. Shipping is free from 100 EUR, so
 * the total is 1000.00, and IsHighValue's rule is "greater than or equal": the order is held for
 * review, never reserved. Runs with {@code -Pexercises} (see the lesson README).
 */
@Tag("exercise")
class ThousandEuroExerciseTest {

  @Test
  @DisplayName("an order of exactly 1000.00 EUR is held for review, not reserved")
  void thousandEurosIsHeld() throws Exception {
    StateMachine machine = OrderWorkflowTest.APP.stateMachine();
    String event = """
        {"version": "0", "id": "e-1000", "detail-type": "OrderPlaced", "source": "workshop.shop",
         "account": "123456789012", "time": "2026-11-27T11:00:00Z", "region": "eu-central-1", "resources": [],
         "detail": {"orderId": "ord-1000", "customerId": "cust-9",
                    "items": [{"sku": "BIKE-1", "quantity": 1, "unitPrice": 1000.00}],
                    "shipTo": {"name": "Min-ji Kim", "city": "Berlin", "country": "DE"}}}""";

    Execution run = OrderWorkflowTest.builder().build().start(machine, event);

    assertEquals(ExecutionStatus.SUCCEEDED, run.status(), run.historyTable());
    assertEquals(List.of("WhichEvent", "ReadOrder", "ValidateOrder", "IsOrderValid", "PriceOrder", "IsHighValue",
        "HoldForReview", "OrderHeld"), run.visitedStates(), run.historyTable());
    var output = new ObjectMapper().readTree(run.output());
    assertEquals("HELD_FOR_REVIEW", output.path("status").asText(), run.output());
  }
}
