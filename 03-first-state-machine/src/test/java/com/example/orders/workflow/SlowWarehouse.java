package com.example.orders.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * ReserveInventory in front of a warehouse that needs {@value #MILLIS} ms per request, so that an
 * item's reservation takes time worth counting. local-runtime counts a Java handler's measured
 * duration as the Task's duration in virtual time (docs/local-runtime.md).
 */
public class SlowWarehouse implements RequestHandler<ReserveInventory.Request, ReserveInventory.Result> {
  static final long MILLIS = 200;

  @Override
  public ReserveInventory.Result handleRequest(ReserveInventory.Request request, Context context) {
    try {
      Thread.sleep(MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the warehouse", e);
    }
    return new ReserveInventory().handleRequest(request, context);
  }
}
