package com.example.orders.fulfilment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * RefundPayment as a release with a bug could have shipped it: it reads a refund reason that the
 * RefundPayment state never passes (its Parameters hold only the order id), so every attempt throws
 * NullPointerException and no retry can help. The lesson's redrive step replays that incident on it,
 * then redrives the same execution on the fixed handler, {@link RefundPayment}. It lives with the
 * tests: it is the incident to replay, not code to deploy.
 */
public class BuggyRefundPayment implements RequestHandler<BuggyRefundPayment.Request, RefundPayment.Refund> {

  public record Request(String orderId, String reason) {}

  @Override
  public RefundPayment.Refund handleRequest(Request request, Context context) {
    String reason = request.reason().strip(); // the bug: the workflow sends no reason
    context.getLogger().log("refunding order " + request.orderId() + ": " + reason);
    return new RefundPayment.Refund("ref-" + request.orderId(), request.orderId());
  }
}
