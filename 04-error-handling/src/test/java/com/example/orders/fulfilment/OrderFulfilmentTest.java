package com.example.orders.fulfilment;

import static com.example.orders.fulfilment.JsonAssert.assertJsonEquals;
import static com.example.orders.fulfilment.JsonAssert.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.orders.fulfilment.OrderFulfilment.Attempt;
import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.ExecutionStatus;
import com.example.workshop.runtime.sfn.HistoryEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every path of the classroom table, run on the real definition and handlers in virtual time:
 * retries wait for nothing, but the history's timestamps show the delays AWS would take.
 */
class OrderFulfilmentTest {

  private static final OrderFulfilment WORKFLOW = OrderFulfilment.load(Path.of("."));

  static Execution run(String sample) throws Exception {
    int throttles = sample.contains("throttled") ? 2 : 0;
    return WORKFLOW.engine(throttles).randomSeed(42).build()
        .start(WORKFLOW.machine, Files.readString(Path.of("events", sample)), OrderFulfilment.PAYMENT_CONFIRMED);
  }

  @ParameterizedTest(name = "{0}: {2} via {1}")
  @CsvFileSource(resources = "/classroom-paths.psv", delimiter = '|')
  @DisplayName("each classroom switch takes its path")
  void classroomPath(String sample, String visited, ExecutionStatus status, String error, String caught, String attempts,
      String cause) throws Exception {
    Execution run = run(sample);
    String history = sample + ":\n" + run.historyTable();

    assertEquals(status, run.status(), history);
    assertEquals(Arrays.asList(visited.split("\\s+")), run.visitedStates(), history);
    assertEquals(error.equals("-") ? null : error, run.error(), sample);
    assertEquals(cause.equals("-") ? null : cause, run.cause(), sample);
    assertEquals(caught.equals("-") ? null : caught, caughtError(run), history);
    assertEquals(attempts, failedAttemptsPerState(run), history);
  }

  @Test
  @DisplayName("the happy path adds reservation, payment and shipment to the order, each from its first attempt")
  void happyPath() throws Exception {
    Execution run = run("order-happy.json");
    JsonNode output = json(run.output());
    assertEquals("ord-2001", output.path("orderId").asText());
    assertJsonEquals("{\"reservationId\": \"res-ord-2001\", \"warehouse\": \"FRA-1\", \"units\": 3, \"attempt\": 0}",
        output.path("reservation").toString());
    assertJsonEquals("{\"paymentId\": \"pay-ord-2001\", \"amount\": 34.90, \"currency\": \"EUR\", \"idempotencyKey\": \"ord-2001\"}",
        output.path("payment").toString());
    assertJsonEquals("{\"trackingNumber\": \"trk-ord-2001\", \"carrier\": \"DHL\"}", output.path("shipment").toString());
    assertTrue(output.path("validation").isMissingNode(), "ResultPath null discards ValidateOrder's answer");
  }

  @Test
  @DisplayName("Lambda throttling is retried as AWS recommends: 2 s, then 4 s (IntervalSeconds 2, BackoffRate 2, no jitter)")
  void throttlingBackoff() throws Exception {
    Execution run = run("order-lambda-throttled.json");
    List<Attempt> failed = OrderFulfilment.failedAttempts(run);
    assertEquals(List.of("Lambda.TooManyRequestsException", "Lambda.TooManyRequestsException"),
        failed.stream().map(Attempt::error).toList());
    assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4)), failed.stream().map(Attempt::delay).toList());
    assertEquals(ExecutionStatus.SUCCEEDED, run.status());
  }

  @Test
  @DisplayName("a flaky warehouse is retried with full jitter: each delay between 0 and 1 s, then 0 and 2 s")
  void flakyWarehouseJitter() throws Exception {
    Execution run = run("order-warehouse-flaky.json");
    List<Attempt> failed = OrderFulfilment.failedAttempts(run);
    assertEquals(2, failed.size(), run.historyTable());
    assertBetween(Duration.ZERO, Duration.ofSeconds(1), failed.get(0).delay());
    assertBetween(Duration.ZERO, Duration.ofSeconds(2), failed.get(1).delay());
    JsonNode reservation = json(run.output()).path("reservation");
    assertEquals(2, reservation.path("attempt").asInt(), "the third attempt ($$.State.RetryCount 2) succeeded");
    assertEquals("res-ord-2004", reservation.path("reservationId").asText(),
        "the retried reservation has the id the lost first answer had: one reservation, not three");
  }

  @Test
  @DisplayName("the warehouse staying down: 4 retries capped by MaxDelaySeconds 3, then caught and compensated")
  void warehouseDownRetriesRunOut() throws Exception {
    Execution run = run("order-warehouse-down.json");
    List<Attempt> failed = OrderFulfilment.failedAttempts(run);
    assertEquals(5, failed.size(), run.historyTable());
    long[] capsMillis = {1000, 2000, 3000, 3000};
    boolean jittered = false;
    for (int i = 0; i < 4; i++) {
      assertBetween(Duration.ZERO, Duration.ofMillis(capsMillis[i]), failed.get(i).delay());
      jittered |= failed.get(i).delay().toMillis() != capsMillis[i];
    }
    assertTrue(jittered, "JitterStrategy FULL picks random delays below the cap");
    assertNull(failed.get(4).delay(), "the fifth failure is not retried (MaxAttempts 4)");
    assertEquals(List.of("ReleaseInventory", "OrderCancelled"), tail(run.visitedStates(), 2));
  }

  @Test
  @DisplayName("the same seed gives the same jittered delays (reproducible classroom runs)")
  void jitterIsReproducibleWithASeed() throws Exception {
    List<Duration> first = OrderFulfilment.failedAttempts(run("order-warehouse-down.json")).stream().map(Attempt::delay).toList();
    List<Duration> second = OrderFulfilment.failedAttempts(run("order-warehouse-down.json")).stream().map(Attempt::delay).toList();
    assertEquals(first, second);
  }

  @Test
  @DisplayName("business errors are not retried: one attempt, caught by class name, input kept beside $.error")
  void businessErrorIsCaughtWithInputKept() throws Exception {
    Execution run = run("order-payment-declined.json");
    JsonNode failInput = json(enteredInput(run, "OrderCancelled"));
    assertEquals("ord-2007", failInput.path("orderId").asText(), "Catch ResultPath $.error keeps the order");
    assertEquals("res-ord-2007", failInput.path("reservation").path("reservationId").asText());
    JsonNode error = failInput.path("error");
    assertEquals("com.example.orders.fulfilment.ChargePayment$PaymentDeclinedException", error.path("Error").asText());
    JsonNode cause = json(error.path("Cause").asText());
    assertEquals("Card of customer cust-42 was declined for 34.90 EUR (insufficient funds)",
        cause.path("errorMessage").asText());
    assertEquals("com.example.orders.fulfilment.ChargePayment$PaymentDeclinedException", cause.path("errorType").asText());
    assertTrue(failInput.path("release").path("released").asBoolean(), "the reservation was released");
    assertTrue(failInput.path("refund").isMissingNode(), "nothing was charged, so nothing is refunded");
  }

  @Test
  @DisplayName("a payment slower than TimeoutSeconds ends in States.Timeout after 2 s, then refund and release")
  void paymentTimeout() throws Exception {
    Execution run = run("order-payment-slow.json");
    HistoryEvent timedOut = run.history().stream().filter(e -> e.type().equals("LambdaFunctionTimedOut")).findFirst()
        .orElseThrow(() -> new AssertionError("no LambdaFunctionTimedOut\n" + run.historyTable()));
    assertEquals("States.Timeout", timedOut.details().path("error").asText());
    HistoryEvent started = run.history().get((int) timedOut.previousEventId() - 1);
    assertEquals("LambdaFunctionStarted", started.type());
    assertEquals(Duration.ofSeconds(2), Duration.between(started.timestamp(), timedOut.timestamp()));
    JsonNode failInput = json(enteredInput(run, "OrderCancelled"));
    assertEquals("States.Timeout", failInput.path("error").path("Error").asText());
    assertEquals("ref-ord-2008", failInput.path("refund").path("refundId").asText());
    assertTrue(failInput.path("payment").isMissingNode(), "the charge's outcome is unknown: no payment recorded");
  }

  @Test
  @DisplayName("the saga undoes in reverse order: refund the payment, then release the stock")
  void compensationOrder() throws Exception {
    Execution run = run("order-address-rejected.json");
    assertEquals(List.of("ShipOrder", "RefundPayment", "ReleaseInventory", "OrderCancelled"), tail(run.visitedStates(), 4));
    JsonNode failInput = json(enteredInput(run, "OrderCancelled"));
    assertEquals("pay-ord-2009", failInput.path("payment").path("paymentId").asText(), "the payment had succeeded");
    assertEquals("ref-ord-2009", failInput.path("refund").path("refundId").asText());
    assertEquals("res-ord-2009", failInput.path("release").path("reservationId").asText());
  }

  @Test
  @DisplayName("the Fail states end the execution with a clear Error and Cause")
  void failStatesExplainThemselves() throws Exception {
    Execution cancelled = run("order-address-rejected.json");
    assertEquals("OrderCancelled", cancelled.error());
    assertEquals("Order ord-2009 was cancelled after com.example.orders.fulfilment.ShipOrder$AddressRejectedException;"
        + " the completed steps were undone (payment refunded if charged, inventory released).", cancelled.cause());
    Execution rejected = run("order-invalid.json");
    assertEquals("OrderRejected", rejected.error());
    assertEquals("Order ord-2002 was rejected before anything was reserved or charged:"
        + " com.example.orders.fulfilment.InvalidOrderException", rejected.cause());
    assertEquals("ExecutionFailed", rejected.history().get(rejected.history().size() - 1).type());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\u0000', textBlock = """
      {}                                    | ValidateOrder NotAnOrder
      []                                    | ValidateOrder NotAnOrder
      null                                  | ValidateOrder NotAnOrder
      "ord-1"                               | ValidateOrder NotAnOrder
      {"orderId": ["ord-1"]}                | ValidateOrder NotAnOrder
      {"orderId": "ord-1", "items": "many"} | ValidateOrder OrderRejected
      {"orderId": "ord-1", "customerId": "c", "items": [{"sku": "A", "quantity": "lots", "unitPrice": 1}], "shipTo": {"country": "DE"}} | ValidateOrder OrderRejected
      """)
  @DisplayName("input of any shape is rejected by ValidateOrder through a Catch, never with States.Runtime")
  void anyInputShapeIsRejected(String input, String visited) {
    Execution run = WORKFLOW.engine(0).randomSeed(42).build().start(WORKFLOW.machine, input, OrderFulfilment.PAYMENT_CONFIRMED);
    String history = input + ":\n" + run.historyTable();
    assertEquals(ExecutionStatus.FAILED, run.status(), history);
    assertEquals("OrderRejected", run.error(), history);
    assertEquals(Arrays.asList(visited.split(" ")), run.visitedStates(), history);
  }

  /** The error a Catch put into $.error, as the Fail state saw it; null when no Fail state ran. */
  private static String caughtError(Execution run) {
    return run.history().stream()
        .filter(e -> e.type().equals("FailStateEntered"))
        .map(e -> json(e.details().path("input").asText()).path("error").path("Error").asText(null))
        .findFirst().orElse(null);
  }

  /** E.g. "ReserveInventory=2 ChargePayment=1", or "-". */
  private static String failedAttemptsPerState(Execution run) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    OrderFulfilment.failedAttempts(run).forEach(a -> counts.merge(a.state(), 1, Integer::sum));
    if (counts.isEmpty()) {
      return "-";
    }
    StringBuilder out = new StringBuilder();
    counts.forEach((state, n) -> out.append(out.length() == 0 ? "" : " ").append(state).append('=').append(n));
    return out.toString();
  }

  private static String enteredInput(Execution run, String state) {
    return run.history().stream()
        .filter(e -> e.type().endsWith("StateEntered") && state.equals(e.details().path("name").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + state + "\n" + run.historyTable()))
        .details().path("input").asText();
  }

  private static void assertBetween(Duration min, Duration max, Duration actual) {
    assertTrue(actual != null && actual.compareTo(min) >= 0 && actual.compareTo(max) <= 0,
        "expected a delay between " + min + " and " + max + " but was " + actual);
  }

  private static <T> List<T> tail(List<T> list, int n) {
    return list.subList(Math.max(0, list.size() - n), list.size());
  }
}
