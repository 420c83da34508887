package com.example.workshop.triggers;

import static com.example.workshop.triggers.TestContexts.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.example.workshop.triggers.TestContexts.LogLines;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class OrderQueueHandlerTest {
  private final List<Order> fulfilled = new ArrayList<>();
  private final LogLines log = new LogLines();
  private final OrderQueueHandler handler =
      new OrderQueueHandler(new InMemoryIdempotencyStore(), fulfilled::add);

  private static List<String> failedIds(SQSBatchResponse response) {
    return response.getBatchItemFailures().stream()
        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .toList();
  }

  private List<String> fulfilledIds() {
    return fulfilled.stream().map(Order::orderId).toList();
  }

  @ParameterizedTest
  @Event(value = "events/sqs-order-batch.json", type = SQSEvent.class)
  @DisplayName("a good batch: every order is fulfilled and no message is reported")
  void goodBatch(SQSEvent event) {
    SQSBatchResponse response = handler.handleRequest(event, context("orders-queue", log));

    assertEquals(List.of(), failedIds(response));
    assertEquals(List.of("A-2001", "A-2002", "A-2003"), fulfilledIds());
    assertEquals(new BigDecimal("19.99"), fulfilled.get(0).amount());
    assertEquals(List.of("SKU-MUG", "SKU-TEA"), fulfilled.get(2).items());
  }

  @ParameterizedTest
  @Event(value = "events/sqs-poison-batch.json", type = SQSEvent.class)
  @DisplayName("a poison message is reported alone: the good ones around it are fulfilled")
  void poisonMessageAmongGoodOnes(SQSEvent event) {
    SQSBatchResponse response = handler.handleRequest(event, context("orders-queue", log));

    assertEquals(List.of("c5f3a9e0-1b2d-4e6f-8a7b-9c0d1e2f3a4b"), failedIds(response));
    assertEquals(List.of("A-2001", "A-2003"), fulfilledIds());
    assertTrue(
        log.anyContains(
            "FAILED SQS message c5f3a9e0-1b2d-4e6f-8a7b-9c0d1e2f3a4b",
            "not a valid order JSON",
            "line 1, column"),
        log.lines.toString());
  }

  @ParameterizedTest
  @Event(value = "events/sqs-fifo-poison-batch.json", type = SQSEvent.class)
  @DisplayName("FIFO: the first failure stops the batch; it and every later message are reported")
  void fifoStopsAtFirstFailure(SQSEvent event) {
    SQSBatchResponse response = handler.handleRequest(event, context("orders-queue", log));

    assertEquals(
        List.of("c5f3a9e0-1b2d-4e6f-8a7b-9c0d1e2f3a4b", "9b3f2c1e-6d4a-4f7b-a1c2-3e5d7f9a0b1c"),
        failedIds(response));
    assertEquals(List.of("A-2001"), fulfilledIds());
  }

  @Test
  @DisplayName("a duplicate delivery (same messageId, received again) is not fulfilled twice")
  void duplicateDeliveryAppliedOnce() {
    SQSEvent first = EventLoader.loadSQSEvent("events/sqs-order-batch.json");
    SQSEvent again = EventLoader.loadSQSEvent("events/sqs-redelivery.json");
    assertEquals(
        first.getRecords().get(0).getMessageId(), again.getRecords().get(0).getMessageId());
    assertEquals("2", again.getRecords().get(0).getAttributes().get("ApproximateReceiveCount"));

    handler.handleRequest(first, context("orders-queue", log));
    SQSBatchResponse response = handler.handleRequest(again, context("orders-queue", log));

    assertEquals(
        List.of(), failedIds(response), "a duplicate is a success: delete it from the queue");
    assertEquals(List.of("A-2001", "A-2002", "A-2003"), fulfilledIds());
    assertTrue(log.anyContains("DUPLICATE skipped", "A-2001"), log.lines.toString());
  }

  @Test
  @DisplayName("a failed attempt is not remembered: the redelivered message is fulfilled")
  void failedAttemptIsRetried() {
    AtomicBoolean down = new AtomicBoolean(true);
    OrderQueueHandler flaky =
        new OrderQueueHandler(
            new InMemoryIdempotencyStore(),
            order -> {
              if (down.get()) {
                throw new IllegalStateException("fulfilment service unavailable");
              }
              fulfilled.add(order);
            });

    SQSBatchResponse response =
        flaky.handleRequest(
            EventLoader.loadSQSEvent("events/sqs-redelivery.json"), context("q", log));
    assertEquals(List.of("059f36b4-87a3-44ab-83d2-661975830a7d"), failedIds(response));

    down.set(false);
    response =
        flaky.handleRequest(
            EventLoader.loadSQSEvent("events/sqs-redelivery.json"), context("q", log));
    assertEquals(List.of(), failedIds(response));
    assertEquals(List.of("A-2001"), fulfilledIds());
  }

  @Test
  @DisplayName("an order that parses but breaks a rule is reported with the rule it breaks")
  void invalidOrderReported() {
    SQSEvent event = EventLoader.loadSQSEvent("events/sqs-order-batch.json");
    event
        .getRecords()
        .get(1)
        .setBody("{\"orderId\":\"A-2002\",\"customerId\":\"C-7\",\"amount\":0}");

    SQSBatchResponse response = handler.handleRequest(event, context("orders-queue", log));

    assertEquals(List.of("2e1424d4-f796-459a-8184-9c92662be6da"), failedIds(response));
    assertTrue(log.anyContains("amount must be greater than 0, got 0"), log.lines.toString());
  }

  @ParameterizedTest
  @Event(value = "events/sqs-poison-batch.json", type = SQSEvent.class)
  @DisplayName("the answer serializes to the JSON Lambda reads: batchItemFailures[].itemIdentifier")
  void responseJsonShape(SQSEvent event) {
    String json = RuntimeJson.toJson(handler.handleRequest(event, context("orders-queue", log)));

    assertEquals(
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"c5f3a9e0-1b2d-4e6f-8a7b-9c0d1e2f3a4b\"}]}",
        json);
  }
}
