package com.example.orders.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.ExecutionStatus;
import com.example.workshop.runtime.sfn.StateMachine;
import com.example.workshop.runtime.sfn.TestStateResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exercise 03, solution: an order worth exactly 1000.00 EUR. Shipping is free from 100 EUR, so
 * the total is 1000.00, and IsHighValue's rule is "greater than or equal": the order is held for
 * review, never reserved. Part 1 answers with a whole execution; part 2 asks IsHighValue alone
 * with TestState, on both files, one cent either side of the boundary. Runs with
 * {@code -Pexercises} (see the lesson README).
 */
@Tag("exercise")
class ThousandEuroExerciseTest {
  private static final ObjectMapper JSON = new ObjectMapper();

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
    var output = JSON.readTree(run.output());
    assertEquals("HELD_FOR_REVIEW", output.path("status").asText(), run.output());
  }

  /** The order's total and the state IsHighValue picks for it: the predictions of part 2. */
  static Stream<Arguments> totals() {
    return Stream.of(
        Arguments.of("999.99", "ReserveInventory"),
        Arguments.of("1000.00", "HoldForReview"),
        Arguments.of("1000.01", "HoldForReview"));
  }

  @ParameterizedTest(name = "{0} EUR: IsHighValue picks {1}")
  @MethodSource("totals")
  @DisplayName("part 2, JSONPath file: IsHighValue alone sends 1000.00 EUR and more to HoldForReview")
  void isHighValueAloneOnJsonPath(String total, String predicted) {
    String input = """
        {"orderId": "ord-1000", "price": {"total": %s, "currency": "EUR"}}""".formatted(total);

    TestStateResponse r = ChoiceStateTest.onJsonPath("IsHighValue", input);

    assertEquals(TestStateResponse.Status.SUCCEEDED, r.status(), () -> r.error() + ": " + r.cause());
    assertEquals(predicted, r.nextState());
  }

  @ParameterizedTest(name = "{0} EUR: IsHighValue picks {1}")
  @MethodSource("totals")
  @DisplayName("part 2, JSONata twin: the same answers, with the price in the variable $price")
  void isHighValueAloneOnJsonata(String total, String predicted) throws Exception {
    var order = JSON.readTree("""
        {"orderId": "ord-1000"}""");
    var variables = JSON.readTree("""
        {"price": {"total": %s, "currency": "EUR"}}""".formatted(total));

    TestStateResponse r = ChoiceStateTest.onJsonata("IsHighValue", order, variables);

    assertEquals(TestStateResponse.Status.SUCCEEDED, r.status(), () -> r.error() + ": " + r.cause());
    assertEquals(predicted, r.nextState());
  }
}
