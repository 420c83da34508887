package com.example.orders.fulfilment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.math.BigDecimal;

/**
 * Charges the customer. The payment provider receives the order id as its idempotency key, so a
 * repeated charge for the same order is answered with the first charge, never a second one.
 */
public class ChargePayment implements RequestHandler<Order, ChargePayment.Payment> {

  /** payment-slow: longer than the Task's TimeoutSeconds (2) in order-fulfilment.asl.json. */
  static final long SLOW_PROVIDER_MILLIS = 3_000;

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

  @Override
  public Payment handleRequest(Order order, Context context) {
    if (order.simulates(Simulation.PAYMENT_DECLINED)) {
      throw new PaymentDeclinedException(
          "Card of customer " + order.customerId() + " was declined for " + order.total() + " EUR (insufficient funds)");
    }
    if (order.simulates(Simulation.PAYMENT_SLOW)) {
      try {
        Thread.sleep(SLOW_PROVIDER_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the payment provider", e);
      }
    }
    return new Payment("pay-" + order.orderId(), order.total(), "EUR", order.orderId());
  }
}
