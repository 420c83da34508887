package com.example.workshop.triggers;

import static com.example.workshop.triggers.TestContexts.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
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

class OrderEventsHandlerTest {
  private final List<OrderEvent> received = new ArrayList<>();
  private final LogLines log = new LogLines();
  private final OrderEventsHandler handler =
      new OrderEventsHandler(new InMemoryIdempotencyStore(), received::add);

  @ParameterizedTest
  @Event(value = "events/sns-order-placed.json", type = SNSEvent.class)
  @DisplayName("the JSON message becomes an Order; message attributes keep their Type and Value")
  void messageAndAttributes(SNSEvent event) {
    OrderEventsHandler.Summary summary = handler.handleRequest(event, context("order-events", log));

    assertEquals(List.of("95df01b4-ee98-5cb9-9903-4c221d41eb5e"), summary.applied());
    OrderEvent orderEvent = received.get(0);
    assertEquals("OrderPlaced", orderEvent.eventType());
    assertEquals(new OrderEvent.Attribute("Number", "1"), orderEvent.attributes().get("priority"));
    assertEquals("A-1001", orderEvent.order().orderId());
    assertEquals(new BigDecimal("59.9"), orderEvent.order().amount());
    assertEquals(List.of("SKU-BOOK", "SKU-PEN"), orderEvent.order().items());
  }

  @ParameterizedTest
  @Event(value = "events/sns-malformed-body.json", type = SNSEvent.class)
  @DisplayName(
      "a malformed body fails the invocation with the message id and where the JSON breaks")
  void malformedBodyReported(SNSEvent event) {
    MalformedMessageException e =
        assertThrows(
            MalformedMessageException.class,
            () -> handler.handleRequest(event, context("order-events", log)));

    assertTrue(
        e.getMessage()
            .startsWith(
                "SNS message 7a1a2c5e-43c4-5d1b-8a5e-0c1f6e0b9d11: body is not a valid order JSON"
                    + " at line 1, column"),
        e.getMessage());
    assertEquals(List.of(), received);
  }

  @Test
  @DisplayName("a message without MessageId (the idempotency key) is rejected, saying so")
  void missingMessageId() {
    SNSEvent event = EventLoader.loadSNSEvent("events/sns-order-placed.json");
    event.getRecords().get(0).getSNS().setMessageId(null);

    MalformedMessageException e =
        assertThrows(
            MalformedMessageException.class,
            () -> handler.handleRequest(event, context("order-events", log)));
    assertEquals(
        "an SNS message (Subject Order placed) has no MessageId; SNS sets one on every message"
            + " and it is the idempotency key",
        e.getMessage());
    assertEquals(List.of(), received);
  }

  @Test
  @DisplayName("a message without the eventType attribute is rejected, saying how to publish it")
  void missingEventTypeAttribute() {
    SNSEvent event = EventLoader.loadSNSEvent("events/sns-order-placed.json");
    event.getRecords().get(0).getSNS().getMessageAttributes().remove("eventType");

    MalformedMessageException e =
        assertThrows(
            MalformedMessageException.class,
            () -> handler.handleRequest(event, context("order-events", log)));
    assertTrue(
        e.getMessage().contains("message attribute 'eventType' (Type String) is missing"),
        e.getMessage());
  }

  @Test
  @DisplayName("the same SNS message delivered twice is applied once")
  void duplicateDeliveryAppliedOnce() {
    handler.handleRequest(
        EventLoader.loadSNSEvent("events/sns-order-placed.json"), context("e", log));
    OrderEventsHandler.Summary second =
        handler.handleRequest(
            EventLoader.loadSNSEvent("events/sns-order-placed.json"), context("e", log));

    assertEquals(List.of(), second.applied());
    assertEquals(List.of("95df01b4-ee98-5cb9-9903-4c221d41eb5e"), second.duplicates());
    assertEquals(1, received.size());
  }

  @Test
  @DisplayName("when the listener fails the invocation fails, and Lambda's retry applies the event")
  void failureThrowsSoLambdaRetries() {
    AtomicBoolean down = new AtomicBoolean(true);
    OrderEventsHandler flaky =
        new OrderEventsHandler(
            new InMemoryIdempotencyStore(),
            e -> {
              if (down.get()) {
                throw new IllegalStateException("notification service unavailable");
              }
              received.add(e);
            });
    SNSEvent event = EventLoader.loadSNSEvent("events/sns-order-placed.json");

    assertThrows(IllegalStateException.class, () -> flaky.handleRequest(event, context("e", log)));
    down.set(false);
    OrderEventsHandler.Summary retry = flaky.handleRequest(event, context("e", log));

    assertEquals(1, retry.applied().size());
    assertEquals(1, received.size());
  }
}
