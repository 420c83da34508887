package com.example.workshop.triggers;

import static com.example.workshop.triggers.TestContexts.context;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.example.workshop.triggers.TestContexts.LogLines;
import java.util.ArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** An event from another source (a wiring mistake) fails with a message that says so. */
class WrongEventTest {
  private final LogLines log = new LogLines();
  private final String s3Event = "events/s3-order-uploaded.json";

  @Test
  @DisplayName(
      "an S3 event fed to the SQS handler: not an SQS event, no batch response without ids")
  void sqs() {
    OrderQueueHandler handler = new OrderQueueHandler(new InMemoryIdempotencyStore(), o -> {});
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> handler.handleRequest(EventLoader.loadSQSEvent(s3Event), context("q", log)));
    assertTrue(e.getMessage().contains("has no messageId: not an SQS event"), e.getMessage());
  }

  @Test
  @DisplayName("an S3 event fed to the stream handler: not a DynamoDB stream event")
  void dynamoDb() {
    OrderStreamHandler handler =
        new OrderStreamHandler(new InMemoryIdempotencyStore(), new ArrayList<>()::add);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> handler.handleRequest(EventLoader.loadDynamoDbEvent(s3Event), context("s", log)));
    assertTrue(e.getMessage().contains("not a DynamoDB stream event"), e.getMessage());
  }

  @Test
  @DisplayName("an S3 event fed to the SNS handler: not an SNS event")
  void sns() {
    OrderEventsHandler handler = new OrderEventsHandler(new InMemoryIdempotencyStore(), e -> {});
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> handler.handleRequest(EventLoader.loadSNSEvent(s3Event), context("e", log)));
    assertTrue(e.getMessage().contains("not an SNS event"), e.getMessage());
  }
}
