package com.example.workshop.triggers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * SQS trigger (poll-based): Lambda reads a batch of order messages and waits for the answer.
 *
 * <p>Failure contract: each message is processed on its own; the response names exactly the
 * messages that failed, so Lambda deletes the others and only the failed ones come back (after the
 * visibility timeout) until maxReceiveCount sends them to the DLQ. Throwing instead would return
 * the whole batch. On a FIFO queue the first failure stops the batch and it and every later message
 * are reported, so no message of a group overtakes one that failed. Needs {@code
 * FunctionResponseTypes: [ReportBatchItemFailures]} on the event source mapping.
 */
public class OrderQueueHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final Once once;
  private final Consumer<Order> fulfilment;

  /** Used by Lambda: one instance per execution environment, so the store is built once. */
  public OrderQueueHandler() {
    this(IdempotencyStore.fromEnvironment(System.getenv()), order -> {});
  }

  OrderQueueHandler(IdempotencyStore store, Consumer<Order> fulfilment) {
    this.once = new Once(Objects.requireNonNull(store, "store"));
    this.fulfilment = Objects.requireNonNull(fulfilment, "fulfilment");
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSMessage> messages = event.getRecords() == null ? List.of() : event.getRecords();
    for (int i = 0; i < messages.size(); i++) {
      // A failure without an id fails the whole batch anyway: say why instead.
      if (messages.get(i).getMessageId() == null) {
        throw new IllegalArgumentException(
            "Records["
                + i
                + "] has no messageId: not an SQS event"
                + " (eventSource "
                + messages.get(i).getEventSource()
                + ")");
      }
    }
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      SQSMessage message = messages.get(i);
      try {
        handle(message, context);
      } catch (RuntimeException e) {
        context
            .getLogger()
            .log("FAILED " + Once.describe("SQS message " + message.getMessageId(), e));
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
        if (isFifo(message)) {
          for (SQSMessage notTried : messages.subList(i + 1, messages.size())) {
            context.getLogger().log("NOT TRIED (FIFO, after a failure) " + notTried.getMessageId());
            failures.add(new SQSBatchResponse.BatchItemFailure(notTried.getMessageId()));
          }
          break;
        }
      }
    }
    return new SQSBatchResponse(failures);
  }

  private void handle(SQSMessage message, Context context) {
    String where = "SQS message " + message.getMessageId();
    Order order = OrderJson.parseOrder(message.getBody(), where).validated(where);
    boolean applied = once.apply(message.getMessageId(), context, () -> fulfilment.accept(order));
    context
        .getLogger()
        .log(
            (applied ? "APPLIED order " : "DUPLICATE skipped, order ")
                + order.orderId()
                + " from "
                + where);
  }

  private static boolean isFifo(SQSMessage message) {
    String arn = message.getEventSourceArn();
    return arn != null && arn.endsWith(".fifo");
  }
}
