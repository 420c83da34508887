package com.example.workshop.triggers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * SNS trigger (asynchronous): the "order events" topic invokes the function once per message and
 * does not wait for its answer; the returned summary is only for local runs.
 *
 * <p>Failure contract: a body that is not an order, or a missing {@code eventType} attribute, is
 * thrown as {@link MalformedMessageException} naming the message id and the position of the
 * problem. Lambda then retries the event (twice by default) and sends it to the on-failure
 * destination: it is reported, never swallowed.
 */
public class OrderEventsHandler implements RequestHandler<SNSEvent, OrderEventsHandler.Summary> {
  static final String EVENT_TYPE = "eventType";

  private final Once once;
  private final Consumer<OrderEvent> listener;

  /** Used by Lambda: one instance per execution environment, so the store is built once. */
  public OrderEventsHandler() {
    this(IdempotencyStore.fromEnvironment(System.getenv()), orderEvent -> {});
  }

  OrderEventsHandler(IdempotencyStore store, Consumer<OrderEvent> listener) {
    this.once = new Once(Objects.requireNonNull(store, "store"));
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** What this invocation did; Lambda discards it (asynchronous invocation). */
  public record Summary(List<String> applied, List<String> duplicates) {}

  @Override
  public Summary handleRequest(SNSEvent event, Context context) {
    List<String> applied = new ArrayList<>();
    List<String> duplicates = new ArrayList<>();
    List<SNSEvent.SNSRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
    for (SNSEvent.SNSRecord record : records) {
      if (record.getSNS() == null) {
        throw new IllegalArgumentException(
            "a record has no Sns: not an SNS event (EventSource " + record.getEventSource() + ")");
      }
      OrderEvent orderEvent = parse(record.getSNS());
      boolean first =
          once.apply(orderEvent.messageId(), context, () -> listener.accept(orderEvent));
      (first ? applied : duplicates).add(orderEvent.messageId());
      context
          .getLogger()
          .log(
              (first ? "APPLIED " : "DUPLICATE skipped, ")
                  + orderEvent.eventType()
                  + " order "
                  + orderEvent.order().orderId()
                  + " from SNS message "
                  + orderEvent.messageId());
    }
    return new Summary(applied, duplicates);
  }

  static OrderEvent parse(SNSEvent.SNS sns) {
    if (sns.getMessageId() == null || sns.getMessageId().isBlank()) {
      // The idempotency key: without it a redelivered message could not be told from a new one.
      throw new MalformedMessageException(
          "an SNS message (Subject "
              + sns.getSubject()
              + ") has no MessageId; SNS sets one on every message and it is the idempotency key",
          null);
    }
    String where = "SNS message " + sns.getMessageId();
    Map<String, OrderEvent.Attribute> attributes = new LinkedHashMap<>();
    if (sns.getMessageAttributes() != null) {
      sns.getMessageAttributes()
          .forEach(
              (name, a) ->
                  attributes.put(name, new OrderEvent.Attribute(a.getType(), a.getValue())));
    }
    OrderEvent.Attribute type = attributes.get(EVENT_TYPE);
    if (type == null || !"String".equals(type.type()) || type.value() == null) {
      throw new MalformedMessageException(
          where
              + ": message attribute '"
              + EVENT_TYPE
              + "' (Type String) is missing; publish with --message-attributes "
              + "'{\"eventType\":{\"DataType\":\"String\",\"StringValue\":\"OrderPlaced\"}}'",
          null);
    }
    Order order = OrderJson.parseOrder(sns.getMessage(), where).validated(where);
    return new OrderEvent(sns.getMessageId(), type.value(), attributes, order);
  }
}
