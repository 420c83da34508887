package com.example.orders.fulfilment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * The payment provider's confirmations, read from the PaymentConfirmations queue. The workflow's
 * ConfirmPayment state ({@code sqs:sendMessage.waitForTaskToken}) sends
 * {@code {"orderId", "payment", "taskToken"}} there and waits; this handler asks the provider how
 * the charge stands and answers the workflow with the token: confirmed, SendTaskSuccess (the
 * answer is ConfirmPayment's result); declined, SendTaskFailure with {@value #NOT_CONFIRMED}; still
 * pending, SendTaskHeartbeat, and the message comes back after the queue's visibility timeout to
 * ask again.
 *
 * <p>Failure contract: each message on its own; the response names the messages to deliver again:
 * a pending payment, an answer Step Functions did not take (throttled, unreachable), a message that
 * is no confirmation request or carries a malformed token (after maxReceiveCount the queue moves it
 * to its DLQ). A token the
 * workflow no longer waits for (answered already, as for a message delivered twice; timed out;
 * stopped) needs no answer: the message is done. Needs {@code FunctionResponseTypes:
 * [ReportBatchItemFailures]} on the event source mapping.
 */
public class PaymentConfirmations implements RequestHandler<SQSEvent, SQSBatchResponse> {
  /** The error ConfirmPayment's Catch takes when the provider declines a charge it had accepted. */
  public static final String NOT_CONFIRMED = "PaymentNotConfirmed";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The payment provider's API, as far as confirmations need it. */
  public interface PaymentProvider {
    /** How the charge {@code paymentId} stands now. */
    Confirmation confirmation(String paymentId);

    /** The workshop has no payment provider: every charge is confirmed. Your project passes its provider's client. */
    PaymentProvider CONFIRMS_ALL = paymentId -> Confirmation.confirmed();
  }

  /** The provider's answer: confirmed, declined (with its reason) or not decided yet. */
  public record Confirmation(Outcome outcome, String reason) {
    public enum Outcome { CONFIRMED, DECLINED, PENDING }

    public static Confirmation confirmed() {
      return new Confirmation(Outcome.CONFIRMED, null);
    }

    public static Confirmation declined(String reason) {
      return new Confirmation(Outcome.DECLINED, reason);
    }

    public static Confirmation pending() {
      return new Confirmation(Outcome.PENDING, null);
    }
  }

  // snippet:consumer
  private final PaymentProvider provider;
  private final SfnClient stepFunctions;

  /** What Lambda calls: the default client (the function's Region and role). */
  public PaymentConfirmations() {
    this(PaymentProvider.CONFIRMS_ALL, SfnClient.builder().httpClient(UrlConnectionHttpClient.create()).build());
  }

  public PaymentConfirmations(PaymentProvider provider, SfnClient stepFunctions) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.stepFunctions = Objects.requireNonNull(stepFunctions, "stepFunctions");
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> again = new ArrayList<>();
    for (SQSMessage message : event.getRecords() == null ? List.<SQSMessage>of() : event.getRecords()) {
      try {
        if (!answer(message, context)) {
          again.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
        }
      } catch (RuntimeException e) {
        context.getLogger().log("FAILED message " + message.getMessageId() + ": " + e);
        again.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
    }
    return new SQSBatchResponse(again);
  }

  /** Answers the workflow for one message; false when the payment is still pending (ask again later). */
  private boolean answer(SQSMessage message, Context context) {
    Request request = Request.of(message);
    Confirmation confirmation = provider.confirmation(request.paymentId());
    try {
      switch (confirmation.outcome()) {
        case CONFIRMED -> stepFunctions.sendTaskSuccess(b -> b.taskToken(request.taskToken())
            .output(confirmed(request.paymentId())));
        case DECLINED -> stepFunctions.sendTaskFailure(b -> b.taskToken(request.taskToken())
            .error(NOT_CONFIRMED).cause("Payment " + request.paymentId() + " of order " + request.orderId()
                + " was not confirmed: " + confirmation.reason()));
        case PENDING -> stepFunctions.sendTaskHeartbeat(b -> b.taskToken(request.taskToken()));
      }
      context.getLogger().log(confirmation.outcome() + " payment " + request.paymentId() + " of order " + request.orderId());
      return confirmation.outcome() != Confirmation.Outcome.PENDING;
    } catch (TaskTimedOutException | TaskDoesNotExistException e) {
      context.getLogger().log("NOT WAITING any more for payment " + request.paymentId() + " of order "
          + request.orderId() + " (" + e.awsErrorDetails().errorCode() + "): nothing to answer");
      return true;
    }
  }
  // end-snippet

  private static String confirmed(String paymentId) {
    return JSON.createObjectNode().put("paymentId", paymentId).put("status", "CONFIRMED").toString();
  }

  /** What ConfirmPayment sends: the order id, the payment (ChargePayment's result) and the task token. */
  record Request(String orderId, String paymentId, String taskToken) {
    static Request of(SQSMessage message) {
      String where = "message " + message.getMessageId();
      JsonNode body;
      try {
        body = JSON.readTree(Objects.requireNonNullElse(message.getBody(), ""));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(where + ": the body is not JSON: " + e.getOriginalMessage());
      }
      return new Request(text(body, "/orderId", where), text(body, "/payment/paymentId", where),
          text(body, "/taskToken", where));
    }

    private static String text(JsonNode body, String pointer, String where) {
      JsonNode value = body.at(pointer);
      if (!value.isTextual() || value.asText().isBlank()) {
        throw new IllegalArgumentException(where + ": " + pointer.substring(1).replace('/', '.')
            + " is missing or not a string; ConfirmPayment sends {\"orderId\", \"payment\", \"taskToken\"}");
      }
      return value.asText();
    }
  }
}
