package com.example.workshop.triggers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * DynamoDB Streams trigger (poll-based, ordered per shard) for the orders table.
 *
 * <p>Failure contract: records are applied in order and the first one that fails stops the batch;
 * the response names its sequence number, so Lambda checkpoints just before it: the records before
 * it are not redone and none after it is lost (they come back in the retry). Needs {@code
 * FunctionResponseTypes: [ReportBatchItemFailures]}; MaximumRetryAttempts and an on-failure
 * destination keep one bad record from blocking the shard until it expires.
 */
public class OrderStreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  static final String TTL_PRINCIPAL = "dynamodb.amazonaws.com";

  private final Once once;
  private final Consumer<OrderChange> listener;

  /** Used by Lambda: one instance per execution environment, so the store is built once. */
  public OrderStreamHandler() {
    this(IdempotencyStore.fromEnvironment(System.getenv()), change -> {});
  }

  OrderStreamHandler(IdempotencyStore store, Consumer<OrderChange> listener) {
    this.once = new Once(Objects.requireNonNull(store, "store"));
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    List<DynamodbStreamRecord> records =
        event.getRecords() == null ? List.of() : event.getRecords();
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i).getDynamodb() == null
          || records.get(i).getDynamodb().getSequenceNumber() == null) {
        throw new IllegalArgumentException(
            "Records["
                + i
                + "] has no dynamodb.SequenceNumber:"
                + " not a DynamoDB stream event (eventSource "
                + records.get(i).getEventSource()
                + ")");
      }
    }
    for (DynamodbStreamRecord record : records) {
      String sequenceNumber = record.getDynamodb().getSequenceNumber();
      try {
        OrderChange change = toChange(record);
        boolean applied = once.apply(record.getEventID(), context, () -> listener.accept(change));
        context
            .getLogger()
            .log(
                (applied ? "APPLIED " : "DUPLICATE skipped, ")
                    + change.kind()
                    + " order "
                    + change.orderId()
                    + " (sequence number "
                    + sequenceNumber
                    + ")");
      } catch (RuntimeException e) {
        context
            .getLogger()
            .log(
                "FAILED "
                    + Once.describe("stream record " + sequenceNumber, e)
                    + "; the records after it are retried with it");
        return new StreamsEventResponse(
            List.of(new StreamsEventResponse.BatchItemFailure(sequenceNumber)));
      }
    }
    return new StreamsEventResponse(new ArrayList<>());
  }

  static OrderChange toChange(DynamodbStreamRecord record) {
    StreamRecord data = record.getDynamodb();
    String where = "stream record " + data.getSequenceNumber();
    if (record.getEventID() == null || record.getEventID().isBlank()) {
      // The idempotency key: without it a redelivered record could not be told from a new one.
      throw new IllegalArgumentException(
          where + ": no eventID (DynamoDB Streams sets one on every record; it is the idempotency key)");
    }
    String orderId = string(data.getKeys(), "orderId", where);
    Order before =
        data.getOldImage() == null ? null : order(data.getOldImage(), where + " OldImage");
    Order after =
        data.getNewImage() == null ? null : order(data.getNewImage(), where + " NewImage");
    OrderChange.Kind kind =
        switch (record.getEventName()) {
          case "INSERT" -> OrderChange.Kind.CREATED;
          case "MODIFY" -> OrderChange.Kind.UPDATED;
          case "REMOVE" ->
              isTimeToLive(record.getUserIdentity())
                  ? OrderChange.Kind.EXPIRED
                  : OrderChange.Kind.DELETED;
          default ->
              throw new IllegalArgumentException(
                  where + ": unknown eventName '" + record.getEventName() + "'");
        };
    if (kind != OrderChange.Kind.DELETED && kind != OrderChange.Kind.EXPIRED && after == null) {
      throw new IllegalArgumentException(
          where
              + ": "
              + record.getEventName()
              + " without NewImage; set StreamViewType to NEW_IMAGE or NEW_AND_OLD_IMAGES");
    }
    return new OrderChange(
        kind, orderId, record.getEventID(), data.getSequenceNumber(), before, after);
  }

  /** TTL deletions are made by the DynamoDB service itself, not by a caller of DeleteItem. */
  static boolean isTimeToLive(Identity identity) {
    return identity != null
        && "Service".equals(identity.getType())
        && TTL_PRINCIPAL.equals(identity.getPrincipalId());
  }

  private static Order order(Map<String, AttributeValue> image, String where) {
    AttributeValue items = image.get("items");
    List<String> skus =
        items == null
            ? List.of()
            : items.getSS() != null
                ? items.getSS()
                : items.getL() == null
                    ? List.of()
                    : items.getL().stream().map(AttributeValue::getS).toList();
    return new Order(
            image.containsKey("orderId") ? image.get("orderId").getS() : null,
            image.containsKey("customerId") ? image.get("customerId").getS() : null,
            number(image.get("amount"), where + " amount"),
            skus)
        .validated(where);
  }

  private static String string(Map<String, AttributeValue> map, String name, String where) {
    AttributeValue value = map == null ? null : map.get(name);
    if (value == null || value.getS() == null) {
      throw new IllegalArgumentException(where + ": Keys has no string attribute '" + name + "'");
    }
    return value.getS();
  }

  private static BigDecimal number(AttributeValue value, String where) {
    if (value == null || value.getN() == null) {
      return null;
    }
    try {
      return new BigDecimal(value.getN());
    } catch (NumberFormatException e) {
      throw new InvalidOrderException(where + ": '" + value.getN() + "' is not a number");
    }
  }
}
