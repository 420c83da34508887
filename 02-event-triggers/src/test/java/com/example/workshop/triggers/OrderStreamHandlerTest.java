package com.example.workshop.triggers;

import static com.example.workshop.triggers.TestContexts.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.example.workshop.triggers.OrderChange.Kind;
import com.example.workshop.triggers.TestContexts.LogLines;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class OrderStreamHandlerTest {
  private final List<OrderChange> changes = new ArrayList<>();
  private final LogLines log = new LogLines();
  private final OrderStreamHandler handler =
      new OrderStreamHandler(new InMemoryIdempotencyStore(), changes::add);

  private static List<String> failed(StreamsEventResponse response) {
    return response.getBatchItemFailures().stream()
        .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
        .toList();
  }

  @ParameterizedTest
  @Event(value = "events/dynamodb-order-changes.json", type = DynamodbEvent.class)
  @DisplayName("INSERT and MODIFY become CREATED and UPDATED, with the images before and after")
  void insertAndModify(DynamodbEvent event) {
    StreamsEventResponse response = handler.handleRequest(event, context("order-stream", log));

    assertEquals(List.of(), failed(response));
    assertEquals(
        List.of(Kind.CREATED, Kind.UPDATED), changes.stream().map(OrderChange::kind).toList());
    assertNull(changes.get(0).before());
    assertEquals(new BigDecimal("59.90"), changes.get(0).after().amount());
    assertEquals("A-1001", changes.get(1).before().orderId());
    assertEquals(List.of("SKU-BOOK", "SKU-PEN"), changes.get(1).after().items());
  }

  @ParameterizedTest
  @Event(value = "events/dynamodb-remove-and-ttl.json", type = DynamodbEvent.class)
  @DisplayName("REMOVE has no NewImage; a TTL deletion (service principal) is EXPIRED, not DELETED")
  void removeAndTimeToLive(DynamodbEvent event) {
    assertNull(
        event.getRecords().get(0).getDynamodb().getNewImage(), "fixture: REMOVE without NewImage");

    StreamsEventResponse response = handler.handleRequest(event, context("order-stream", log));

    assertEquals(List.of(), failed(response));
    assertEquals(
        List.of(Kind.DELETED, Kind.EXPIRED), changes.stream().map(OrderChange::kind).toList());
    assertEquals(List.of("A-1002", "A-1003"), changes.stream().map(OrderChange::orderId).toList());
    assertNull(changes.get(0).after());
    assertNotNull(changes.get(0).before(), "OldImage is there with NEW_AND_OLD_IMAGES");
  }

  @Test
  @DisplayName("a REMOVE with KEYS_ONLY (no images at all) still names the order from Keys")
  void removeKeysOnly() {
    DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/dynamodb-remove-and-ttl.json");
    event.getRecords().get(0).getDynamodb().setOldImage(null);
    event
        .getRecords()
        .get(0)
        .getDynamodb()
        .setStreamViewType(
            com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.KEYS_ONLY);

    handler.handleRequest(event, context("order-stream", log));

    assertEquals("A-1002", changes.get(0).orderId());
    assertNull(changes.get(0).before());
  }

  @ParameterizedTest
  @Event(value = "events/dynamodb-poison-batch.json", type = DynamodbEvent.class)
  @DisplayName(
      "the first failing record is reported by sequence number; nothing after it is applied")
  void firstFailureReportedBySequenceNumber(DynamodbEvent event) {
    StreamsEventResponse response = handler.handleRequest(event, context("order-stream", log));

    assertEquals(List.of("111600000000000000000006"), failed(response));
    assertEquals(List.of("A-1005"), changes.stream().map(OrderChange::orderId).toList());
    assertTrue(
        log.anyContains(
            "FAILED stream record 111600000000000000000006",
            "amount must be greater than 0, got -5.00"),
        log.lines.toString());
  }

  @Test
  @DisplayName(
      "Lambda's retry resumes at the reported record: nothing before it is redone, nothing lost")
  void retryFromCheckpoint() {
    AtomicBoolean downstreamDown = new AtomicBoolean(true);
    OrderStreamHandler flaky =
        new OrderStreamHandler(
            new InMemoryIdempotencyStore(),
            change -> {
              if (change.orderId().equals("A-1002") && downstreamDown.get()) {
                throw new IllegalStateException("projection store unavailable");
              }
              changes.add(change);
            });
    DynamodbEvent batch = EventLoader.loadDynamoDbEvent("events/dynamodb-order-changes.json");
    batch
        .getRecords()
        .addAll(EventLoader.loadDynamoDbEvent("events/dynamodb-remove-and-ttl.json").getRecords());

    StreamsEventResponse response = flaky.handleRequest(batch, context("order-stream", log));
    String checkpoint = failed(response).get(0);
    assertEquals("111300000000000000000003", checkpoint);

    // Lambda re-sends the batch starting at the reported sequence number.
    downstreamDown.set(false);
    DynamodbEvent retry = new DynamodbEvent();
    retry.setRecords(new ArrayList<>(batch.getRecords().subList(2, 4)));
    assertEquals(checkpoint, retry.getRecords().get(0).getDynamodb().getSequenceNumber());
    response = flaky.handleRequest(retry, context("order-stream", log));

    assertEquals(List.of(), failed(response));
    assertEquals(
        List.of("A-1001", "A-1001", "A-1002", "A-1003"),
        changes.stream().map(OrderChange::orderId).toList());
  }

  @Test
  @DisplayName("a record delivered twice (same eventID, e.g. a whole-batch retry) is applied once")
  void duplicateDeliveryAppliedOnce() {
    handler.handleRequest(
        EventLoader.loadDynamoDbEvent("events/dynamodb-order-changes.json"), context("s", log));
    StreamsEventResponse response =
        handler.handleRequest(
            EventLoader.loadDynamoDbEvent("events/dynamodb-order-changes.json"), context("s", log));

    assertEquals(List.of(), failed(response));
    assertEquals(2, changes.size());
    assertTrue(log.anyContains("DUPLICATE skipped, CREATED order A-1001"), log.lines.toString());
  }

  @ParameterizedTest
  @Event(value = "events/dynamodb-poison-batch.json", type = DynamodbEvent.class)
  @DisplayName(
      "the answer serializes to the JSON Lambda reads: the sequence number as itemIdentifier")
  void responseJsonShape(DynamodbEvent event) {
    String json = RuntimeJson.toJson(handler.handleRequest(event, context("order-stream", log)));

    assertEquals(
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"111600000000000000000006\"}]}", json);
  }

  @Test
  @DisplayName("INSERT without NewImage (wrong StreamViewType) fails with the setting to change")
  void insertWithoutNewImage() {
    DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/dynamodb-order-changes.json");
    event.getRecords().get(0).getDynamodb().setNewImage(null);

    StreamsEventResponse response = handler.handleRequest(event, context("order-stream", log));

    assertEquals(List.of("111100000000000000000001"), failed(response));
    assertTrue(log.anyContains("INSERT without NewImage", "StreamViewType"), log.lines.toString());
  }

  @Test
  @DisplayName(
      "a record without eventID (the idempotency key) fails by its sequence number, saying so;"
          + " the records before it are applied")
  void recordWithoutEventId() {
    DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/dynamodb-order-changes.json");
    event.getRecords().get(1).setEventID(null);

    StreamsEventResponse response = handler.handleRequest(event, context("order-stream", log));

    assertEquals(List.of("111200000000000000000002"), failed(response));
    assertEquals(List.of("A-1001"), changes.stream().map(OrderChange::orderId).toList());
    assertTrue(
        log.anyContains("FAILED stream record 111200000000000000000002: no eventID"),
        log.lines.toString());
  }
}
