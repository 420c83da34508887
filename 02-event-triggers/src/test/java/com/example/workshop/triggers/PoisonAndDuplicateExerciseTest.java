package com.example.workshop.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.example.workshop.runtime.lambda.LocalContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise 02, solution: one batch with a good order, a poison message and the good order again
 * (SQS delivered it twice: same messageId). The response names only the poison message, and the
 * good order is applied once. Runs with {@code -Pexercises} (see the lesson README).
 */
@Tag("exercise")
class PoisonAndDuplicateExerciseTest {

  @Test
  @DisplayName("a batch of good, poison and duplicate: only the poison is reported, the good order applied once")
  void poisonReportedDuplicateAppliedOnce() {
    List<Order> fulfilled = new ArrayList<>();
    OrderQueueHandler handler = new OrderQueueHandler(new InMemoryIdempotencyStore(), fulfilled::add);
    String good = "{\"orderId\": \"A-3001\", \"customerId\": \"C-42\", \"amount\": 19.99, \"items\": [\"SKU-BOOK\"]}";

    SQSEvent batch = new SQSEvent();
    batch.setRecords(List.of(
        message("m-1", good),
        message("m-2", "{\"orderId\": \"A-3002\", \"customerId\": "),
        message("m-1", good)));
    SQSBatchResponse response = handler.handleRequest(batch, LocalContext.create());

    assertEquals(List.of("m-2"),
        response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
    assertEquals(List.of("A-3001"), fulfilled.stream().map(Order::orderId).toList());
  }

  private static SQSMessage message(String id, String body) {
    SQSMessage m = new SQSMessage();
    m.setMessageId(id);
    m.setBody(body);
    m.setEventSource("aws:sqs");
    m.setEventSourceArn("arn:aws:sqs:us-east-1:123456789012:orders-queue");
    return m;
  }
}
