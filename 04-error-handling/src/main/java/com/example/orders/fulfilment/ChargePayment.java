package com.example.orders.fulfilment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.math.BigDecimal;

/**
 * Charges the customer. The payment provider receives the order id as its idempotency key, so a
 * repeated charge for the same order is answered with the first charge, never a second one.
 */
public class ChargePayment implements RequestHandler<Order, ChargePayment.Payment> {

  /** The payment provider's API, as far as this step needs it. */
  public interface PaymentProvider {
    /**
     * Charges once per {@code idempotencyKey}: a repeated key is answered with the first charge.
     * How long it takes is up to the provider; the workflow's TimeoutSeconds decides how long to wait.
     */
    Charge charge(String idempotencyKey, String customerId, BigDecimal amount, String currency);

    /** The workshop has no payment provider: every card is good. Your project passes its provider's client. */
    PaymentProvider APPROVES_ALL = (key, customerId, amount, currency) -> Charge.approved("pay-" + key);
  }

  /** The provider's answer: a payment id, or why the card was declined. */
  public record Charge(String paymentId, String declinedBecause) {
    public static Charge approved(String paymentId) {
      return new Charge(paymentId, null);
    }

    public static Charge declined(String reason) {
      return new Charge(null, reason);
    }
  }

  public record Payment(String paymentId, BigDecimal amount, String currency, String idempotencyKey) {}

  /**
   * A business error, nested to show the naming rule: Step Functions sees
   * {@code com.example.orders.fulfilment.ChargePayment$PaymentDeclinedException} (with a {@code $}).
   */
  public static class PaymentDeclinedException extends RuntimeException {
    public PaymentDeclinedException(String message) {
      super(message);
    }
  }

  // snippet:provider
  private final PaymentProvider provider;

  /** What Lambda calls. */
  public ChargePayment() {
    this(PaymentProvider.APPROVES_ALL);
  }

  public ChargePayment(PaymentProvider provider) {
    this.provider = provider;
  }

  @Override
  public Payment handleRequest(Order order, Context context) {
    Charge charge = provider.charge(order.orderId(), order.customerId(), order.total(), "EUR");
    if (charge.declinedBecause() != null) {
      throw new PaymentDeclinedException("Card of customer " + order.customerId() + " was declined for "
          + order.total() + " EUR (" + charge.declinedBecause() + ")");
    }
    return new Payment(charge.paymentId(), order.total(), "EUR", order.orderId());
  }
  // end-snippet
}
