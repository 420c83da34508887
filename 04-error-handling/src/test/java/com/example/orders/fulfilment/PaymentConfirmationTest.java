package com.example.orders.fulfilment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.orders.fulfilment.PaymentConfirmations.Confirmation;
import com.example.workshop.runtime.endpoint.StepFunctionsEndpoint;
import com.example.workshop.runtime.lambda.LocalContext;
import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.ExecutionHandle;
import com.example.workshop.runtime.sfn.ExecutionStatus;
import com.example.workshop.runtime.sfn.HistoryEvent;
import com.example.workshop.runtime.sfn.LocalStepFunctions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The callback end to end, offline: the workflow runs to ConfirmPayment and waits; the message that
 * state sends (its TaskScheduled parameters) goes, as an SQS event, to the real PaymentConfirmations
 * handler, whose SfnClient (AWS SDK v2) calls a Step Functions endpoint in front of the same
 * LocalStepFunctions. Only the payment provider is a fake.
 */
class PaymentConfirmationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OrderFulfilment WORKFLOW = OrderFulfilment.load(Path.of("."));

  /** The provider's answer per payment id; PENDING until a test decides. */
  private final Map<String, Confirmation> provider = new ConcurrentHashMap<>();
  private LocalStepFunctions sfn;
  private StepFunctionsEndpoint endpoint;
  private SfnClient client;
  private PaymentConfirmations consumer;

  @BeforeEach
  void start() {
    sfn = WORKFLOW.engine(0).randomSeed(42).build();
    // snippet:consumer-wiring
    endpoint = StepFunctionsEndpoint.serving(sfn).region("eu-central-1").port(0).start();
    client = SfnClient.builder().endpointOverride(endpoint.url()).region(Region.EU_CENTRAL_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
    consumer = new PaymentConfirmations(id -> provider.getOrDefault(id, Confirmation.pending()), client);
    // end-snippet
  }

  @AfterEach
  void stop() {
    client.close();
    endpoint.close();
  }

  private ExecutionHandle startHappyOrder() throws Exception {
    return sfn.startExecution(WORKFLOW.machine, Files.readString(Path.of("events/order-happy.json")),
        OrderFulfilment.CONFIRMATION_REQUESTED);
  }

  /** What ConfirmPayment sent to the queue, as Lambda's SQS event source would deliver it. */
  static SQSEvent delivered(ExecutionHandle run, String messageId) throws Exception {
    HistoryEvent scheduled = run.snapshot().history().stream()
        .filter(e -> e.type().equals("TaskScheduled")).reduce((first, last) -> last).orElseThrow();
    JsonNode parameters = JSON.readTree(scheduled.details().path("parameters").asText());
    SQSEvent.SQSMessage message = message(messageId, JSON.writeValueAsString(parameters.path("MessageBody")));
    message.setEventSource("aws:sqs");
    message.setEventSourceArn("arn:aws:sqs:eu-central-1:123456789012:sam-app-PaymentConfirmationsQueue-1N3JW8EXAMPLE");
    return batch(message);
  }

  private SQSBatchResponse consume(SQSEvent event) {
    return consumer.handleRequest(event, LocalContext.create());
  }

  /** The messages the consumer asks the queue to deliver again. */
  static List<String> retried(SQSBatchResponse response) {
    return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
  }

  @Test
  @DisplayName("the provider confirms: SendTaskSuccess, the answer is ConfirmPayment's result, the order ships")
  void confirmed() throws Exception {
    ExecutionHandle run = startHappyOrder();
    String token = run.awaitTaskToken("ConfirmPayment");
    SQSEvent event = delivered(run, "m-1");
    assertEquals(token, JSON.readTree(event.getRecords().get(0).getBody()).path("taskToken").asText(),
        "the message carries the task token");
    provider.put("pay-ord-2001", Confirmation.confirmed());

    assertEquals(List.of(), retried(consume(event)));
    Execution done = run.await();

    assertEquals(ExecutionStatus.SUCCEEDED, done.status(), done.historyTable());
    assertEquals(List.of("ValidateOrder", "ReserveInventory", "ChargePayment", "ConfirmPayment", "ShipOrder",
        "OrderCompleted"), done.visitedStates());
    assertEquals(JSON.readTree("{\"paymentId\": \"pay-ord-2001\", \"status\": \"CONFIRMED\"}"),
        JSON.readTree(done.output()).path("confirmation"));
  }

  @Test
  @DisplayName("the provider declines: SendTaskFailure PaymentNotConfirmed, caught, the charge is refunded and the stock released")
  void declined() throws Exception {
    ExecutionHandle run = startHappyOrder();
    run.awaitTaskToken("ConfirmPayment");
    provider.put("pay-ord-2001", Confirmation.declined("3-D Secure check failed"));

    assertEquals(List.of(), retried(consume(delivered(run, "m-1"))));
    Execution done = run.await();

    assertEquals(List.of("ValidateOrder", "ReserveInventory", "ChargePayment", "ConfirmPayment", "RefundPayment",
        "ReleaseInventory", "OrderCancelled"), done.visitedStates());
    assertEquals("OrderCancelled", done.error());
    assertTrue(done.cause().contains("after PaymentNotConfirmed"), done.cause());
    HistoryEvent failed = only(done, "TaskFailed");
    assertEquals("PaymentNotConfirmed", failed.details().path("error").asText());
    assertEquals("Payment pay-ord-2001 of order ord-2001 was not confirmed: 3-D Secure check failed",
        failed.details().path("cause").asText());
  }

  @Test
  @DisplayName("still pending: a heartbeat, the message comes back; confirmed on its next delivery; a third delivery changes nothing")
  void pendingThenConfirmed() throws Exception {
    ExecutionHandle run = startHappyOrder();
    run.awaitTaskToken("ConfirmPayment");
    SQSEvent event = delivered(run, "m-1");

    assertEquals(List.of("m-1"), retried(consume(event)), "pending: delivered again after the visibility timeout");
    assertEquals(ExecutionStatus.RUNNING, run.status());
    provider.put("pay-ord-2001", Confirmation.confirmed());
    assertEquals(List.of(), retried(consume(event)));
    assertEquals(List.of(), retried(consume(event)), "a duplicate delivery: the task no longer waits, nothing to do");
    Execution done = run.await();

    assertEquals(ExecutionStatus.SUCCEEDED, done.status(), done.historyTable());
    assertEquals(1, done.history().stream().filter(e -> e.type().equals("TaskSucceeded")).count());
  }

  @Test
  @DisplayName("nobody answers: after HeartbeatSeconds (300 s of virtual time) the charge is refunded and the stock released")
  void noAnswerTimesOut() throws Exception {
    ExecutionHandle run = startHappyOrder();
    run.awaitTaskToken("ConfirmPayment"); // the consumer is down: the message stays in the queue
    Execution done = run.await();

    assertEquals(List.of("ValidateOrder", "ReserveInventory", "ChargePayment", "ConfirmPayment", "RefundPayment",
        "ReleaseInventory", "OrderCancelled"), done.visitedStates());
    assertEquals("OrderCancelled", done.error());
    HistoryEvent submitted = only(done, "TaskSubmitted");
    HistoryEvent timedOut = only(done, "TaskTimedOut");
    assertEquals(Duration.ofSeconds(300), Duration.between(submitted.timestamp(), timedOut.timestamp()));
  }

  @Test
  @DisplayName("a message that is no confirmation request is delivered again (then to the DLQ), the others of its batch are answered")
  void badMessagesAreRetriedAlone() throws Exception {
    ExecutionHandle run = startHappyOrder();
    run.awaitTaskToken("ConfirmPayment");
    provider.put("pay-ord-2001", Confirmation.confirmed());
    SQSEvent.SQSMessage bad = message("m-0", "{\"orderId\": \"ord-2001\"}");
    SQSEvent.SQSMessage good = delivered(run, "m-1").getRecords().get(0);

    assertEquals(List.of("m-0"), retried(consume(batch(bad, good))));
    assertEquals(ExecutionStatus.SUCCEEDED, run.await().status());
  }

  @Test
  @DisplayName("a message whose token is malformed (InvalidToken) is delivered again, then to the DLQ, never dropped")
  void malformedTokensAreNotDropped() throws Exception {
    ExecutionHandle run = startHappyOrder();
    run.awaitTaskToken("ConfirmPayment");
    provider.put("pay-ord-2001", Confirmation.confirmed());
    SQSEvent.SQSMessage tampered = message("m-0", "{\"orderId\": \"ord-2001\", \"payment\":"
        + " {\"paymentId\": \"pay-ord-2001\"}, \"taskToken\": \"not-a-token\"}");

    assertEquals(List.of("m-0"), retried(consume(batch(tampered))));
    assertEquals(ExecutionStatus.RUNNING, run.status());
    run.stop("Test", "the token stays unanswered");
  }

  static SQSEvent.SQSMessage message(String id, String body) {
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId(id);
    message.setBody(body);
    return message;
  }

  static SQSEvent batch(SQSEvent.SQSMessage... messages) {
    SQSEvent batch = new SQSEvent();
    batch.setRecords(List.of(messages));
    return batch;
  }

  static HistoryEvent only(Execution run, String type) {
    List<HistoryEvent> found = run.history().stream().filter(e -> e.type().equals(type)).toList();
    assertEquals(1, found.size(), type + " in " + run.historyTable());
    return found.get(0);
  }
}
