package com.example.orders.fulfilment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * ReleaseInventory as the release that fixed the refund could have shipped it: it insists on a
 * reservation id that the ReleaseInventory state never passes (its Parameters hold only the order
 * id), so every attempt throws IllegalArgumentException. The lesson's optional redrive exercise
 * deploys it with the refund's fix; like {@link BuggyRefundPayment}, it lives with the tests.
 */
public class BuggyReleaseInventory
    implements RequestHandler<BuggyReleaseInventory.Request, ReleaseInventory.Release> {

  public record Request(String orderId, String reservationId) {}

  @Override
  public ReleaseInventory.Release handleRequest(Request request, Context context) {
    if (request.reservationId() == null) { // the bug: the workflow sends the order id only
      throw new IllegalArgumentException("reservationId is required");
    }
    return new ReleaseInventory.Release(request.reservationId(), true);
  }
}
