package com.example.orders.fulfilment;

import com.example.orders.fulfilment.classroom.Fault;
import com.example.workshop.runtime.lambda.Invocation;
import com.example.workshop.runtime.lambda.LocalLambda;
import com.example.workshop.runtime.sam.SamApplication;
import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.HistoryEvent;
import com.example.workshop.runtime.sfn.LambdaFunction;
import com.example.workshop.runtime.sfn.LambdaFunctionError;
import com.example.workshop.runtime.sfn.LocalStepFunctions;
import com.example.workshop.runtime.sfn.StartOptions;
import com.example.workshop.runtime.sfn.StateMachine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lesson's workflow wired for offline runs, shared by the tests and {@link RunWorkflow}:
 * local-runtime's SamApplication loads the definition from template.yaml's DefinitionUri and binds
 * each substitution to the handler the template names, deployed as the workshop's stack is
 * ({@code ClassroomFaults=on}: the samples' {@code simulate} lists act out their failures); in
 * virtual time. ConfirmPayment's SQS message is mocked (src/test/resources/mock-config.json), as
 * only Lambda functions run locally: start with {@link #PAYMENT_CONFIRMED} and the provider's
 * confirmation comes at once, with {@link #CONFIRMATION_REQUESTED} the task waits for its token
 * (PaymentConfirmationTest answers it).
 */
final class OrderFulfilment {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** The mock file's test cases are under the template's logical id, the name the CLI gives the machine. */
  private static final StartOptions STACK = StartOptions.defaults().withStateMachineName("OrderFulfilment");
  /** ConfirmPayment's message is sent and the provider's confirmation comes back at once. */
  static final StartOptions PAYMENT_CONFIRMED = STACK.withTestCase("PaymentConfirmed");
  /** ConfirmPayment's message is sent; the task waits for SendTaskSuccess, SendTaskFailure or its timers. */
  static final StartOptions CONFIRMATION_REQUESTED = STACK.withTestCase("ConfirmationRequested");

  final StateMachine machine;
  private final SamApplication app;
  private final Path mocks;

  private OrderFulfilment(SamApplication app, Path mocks) {
    this.app = app;
    this.machine = app.stateMachine();
    this.mocks = mocks;
  }

  static OrderFulfilment load(Path lessonDir) {
    return new OrderFulfilment(SamApplication.load(lessonDir.resolve("template.yaml")).withRegion("eu-central-1")
        .withParameter("ClassroomFaults", "on"), mockConfig(lessonDir));
  }

  /** The mocked SQS answers of ConfirmPayment, for any stack of the template. */
  static Path mockConfig(Path lessonDir) {
    return lessonDir.resolve("src/test/resources/mock-config.json");
  }

  /**
   * An engine with every function bound to the handler the template names. With {@code throttleCharges > 0},
   * ChargePayment answers the first invocations for an order that simulates "lambda-throttled"
   * with Lambda.TooManyRequestsException, as the Lambda service does under load; a Java handler
   * cannot throw that error itself.
   */
  LocalStepFunctions.Builder engine(int throttleCharges) {
    LocalStepFunctions.Builder builder = app.stepFunctions().virtualTime().mockConfig(mocks);
    if (throttleCharges > 0) {
      builder.function("ChargePaymentFunctionArn",
          new ThrottledLambda(app.handlers().get("ChargePaymentFunction"), throttleCharges));
    }
    return builder;
  }

  /** One failed attempt of a Task: when it failed, with what, and when the next attempt was scheduled. */
  record Attempt(String state, String error, java.time.Instant failedAt, java.time.Instant retriedAt) {
    Duration delay() {
      return retriedAt == null ? null : Duration.between(failedAt, retriedAt);
    }
  }

  /** Every failed Lambda attempt in the history, attributed to the Task state it belongs to. */
  static List<Attempt> failedAttempts(Execution run) {
    List<Attempt> attempts = new ArrayList<>();
    String state = null;
    HistoryEvent pendingFailure = null;
    String pendingState = null;
    for (HistoryEvent e : run.history()) {
      if (e.type().endsWith("StateEntered")) {
        if (pendingFailure != null) {   // left the state: that failure was not retried
          attempts.add(new Attempt(pendingState, error(pendingFailure), pendingFailure.timestamp(), null));
          pendingFailure = null;
        }
        state = e.details().path("name").asText();
      }
      if (pendingFailure != null && e.type().equals("LambdaFunctionScheduled")) {
        attempts.add(new Attempt(pendingState, error(pendingFailure), pendingFailure.timestamp(), e.timestamp()));
        pendingFailure = null;
      }
      if (e.type().equals("LambdaFunctionFailed") || e.type().equals("LambdaFunctionTimedOut")) {
        if (pendingFailure != null) {
          attempts.add(new Attempt(pendingState, error(pendingFailure), pendingFailure.timestamp(), null));
        }
        pendingFailure = e;
        pendingState = state;
      }
    }
    if (pendingFailure != null) {
      attempts.add(new Attempt(pendingState, error(pendingFailure), pendingFailure.timestamp(), null));
    }
    return attempts;
  }

  private static String error(HistoryEvent failure) {
    return failure.details().path("error").asText();
  }

  /** ChargePayment behind a Lambda service that throttles the first invocations per order. */
  static final class ThrottledLambda implements LambdaFunction {
    private final LocalLambda lambda;
    private final int throttles;
    private final Map<String, Integer> calls = new ConcurrentHashMap<>();

    ThrottledLambda(String handler, int throttles) {
      this.lambda = LocalLambda.builder(handler).functionName("ChargePayment").region("eu-central-1").build();
      this.throttles = throttles;
    }

    @Override
    public String invoke(String eventJson) throws LambdaFunctionError {
      JsonNode event = read(eventJson);
      boolean simulated = false;
      for (JsonNode s : event.path("simulate")) {
        simulated |= s.asText().equals(Fault.LAMBDA_THROTTLED.label());
      }
      if (simulated && calls.merge(event.path("orderId").asText(), 1, Integer::sum) <= throttles) {
        throw new LambdaFunctionError("Lambda.TooManyRequestsException",
            "Rate Exceeded. (Service: AWSLambda; Status Code: 429; Error Code: TooManyRequestsException)");
      }
      Invocation invocation = lambda.invoke(eventJson);
      if (invocation.failed()) {
        throw new LambdaFunctionError(invocation.errorType(), read(invocation.payload()).path("errorMessage").asText());
      }
      return invocation.payload();
    }

    private static JsonNode read(String json) {
      try {
        return MAPPER.readTree(json);
      } catch (IOException e) {
        throw new IllegalArgumentException("not JSON: " + json, e);
      }
    }
  }
}
