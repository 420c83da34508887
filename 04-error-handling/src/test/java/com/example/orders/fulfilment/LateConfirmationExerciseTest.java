package com.example.orders.fulfilment;

import static com.example.orders.fulfilment.PaymentConfirmationTest.delivered;
import static com.example.orders.fulfilment.PaymentConfirmationTest.only;
import static com.example.orders.fulfilment.PaymentConfirmationTest.retried;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Exercise 04 (optional), solution: the confirmation that comes too late. The first delivery of
 * ConfirmPayment's message finds the payment pending (a heartbeat, the message goes back to the
 * queue); then the consumer is down. ConfirmPayment fails HeartbeatSeconds after that heartbeat,
 * long before TimeoutSeconds, with States.Timeout, and the saga refunds and releases. When the
 * consumer is back, the provider has confirmed, but the token no longer waits: the consumer's
 * SendTaskSuccess gets TaskTimedOut, the message is done, and the execution stays as it ended.
 * Runs with {@code -Pexercises} (see the README).
 */
@Tag("exercise")
class LateConfirmationExerciseTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @DisplayName("pending once, then silence: timed out HeartbeatSeconds after the heartbeat, compensated; the late confirmation changes nothing")
  void lateConfirmationChangesNothing() throws Exception {
    OrderFulfilment workflow = OrderFulfilment.load(Path.of("."));
    JsonNode confirmPayment = JSON.readTree(workflow.machine.definitionJson()).path("States").path("ConfirmPayment");
    long heartbeatSeconds = confirmPayment.path("HeartbeatSeconds").asLong();
    long timeoutSeconds = confirmPayment.path("TimeoutSeconds").asLong();
    assertTrue(heartbeatSeconds > 0 && heartbeatSeconds < timeoutSeconds, confirmPayment.toString());

    LocalStepFunctions sfn = workflow.engine(0).randomSeed(11).build();
    AtomicReference<Confirmation> provider = new AtomicReference<>(Confirmation.pending());
    try (StepFunctionsEndpoint endpoint = StepFunctionsEndpoint.serving(sfn).region("eu-central-1").port(0).start();
        SfnClient client = SfnClient.builder().endpointOverride(endpoint.url()).region(Region.EU_CENTRAL_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create()).build()) {
      PaymentConfirmations consumer = new PaymentConfirmations(paymentId -> provider.get(), client);
      ExecutionHandle run = sfn.startExecution(workflow.machine,
          Files.readString(Path.of("events/order-happy.json")), OrderFulfilment.CONFIRMATION_REQUESTED);
      run.awaitTaskToken("ConfirmPayment");
      SQSEvent message = delivered(run, "m-1");

      // First delivery: still pending, so a heartbeat, and the message comes back later.
      assertEquals(List.of("m-1"), retried(consumer.handleRequest(message, LocalContext.create())));
      assertEquals(ExecutionStatus.RUNNING, run.status());

      // The consumer is down: nobody answers or sends a heartbeat while the test awaits the end.
      Execution done = run.await();

      assertEquals(List.of("ValidateOrder", "ReserveInventory", "ChargePayment", "ConfirmPayment", "RefundPayment",
          "ReleaseInventory", "OrderCancelled"), done.visitedStates(), done.historyTable());
      assertEquals("OrderCancelled", done.error());
      assertTrue(done.cause().contains("after States.Timeout"), done.cause());
      HistoryEvent timedOut = only(done, "TaskTimedOut");
      assertEquals("States.Timeout", timedOut.details().path("error").asText());
      // The heartbeat came at the instant of TaskSubmitted (the consumer answers at once in virtual
      // time); HeartbeatSeconds counts from it, and fires long before TimeoutSeconds would.
      assertEquals(Duration.ofSeconds(heartbeatSeconds),
          Duration.between(only(done, "TaskSubmitted").timestamp(), timedOut.timestamp()), done.historyTable());

      // The consumer is back and the provider has confirmed: too late.
      provider.set(Confirmation.confirmed());
      assertEquals(List.of(), retried(consumer.handleRequest(message, LocalContext.create())),
          "the token no longer waits (TaskTimedOut): the message is done, not retried or sent to the DLQ");
      Execution after = run.snapshot();
      assertEquals(ExecutionStatus.FAILED, after.status());
      assertEquals(done.history().size(), after.history().size(), after.historyTable());
      assertTrue(after.history().stream().noneMatch(e -> e.type().equals("TaskSucceeded")), after.historyTable());
    }
  }
}
