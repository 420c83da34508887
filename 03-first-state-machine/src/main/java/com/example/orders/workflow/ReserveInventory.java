package com.example.orders.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * Step 3: reserves one line of the order in the warehouse. The workflow's Map state calls it once
 * per item, at most two at a time. The reservation id is derived from the order id and the SKU, so
 * running this twice for one line reserves once (lesson 04 relies on that when it retries).
 */
public class ReserveInventory implements RequestHandler<ReserveInventory.Request, ReserveInventory.Result> {

  static final String WAREHOUSE = "FRA-1";

  /** One iteration's input, built by the Map's ItemSelector: the order id and one item. */
  public record Request(String orderId, OrderItem item) {}

  public record Result(String reservationId, String warehouse, String sku, int units) {}

  @Override
  public Result handleRequest(Request request, Context context) {
    if (request == null || request.orderId() == null || request.item() == null || request.item().sku() == null) {
      throw new IllegalArgumentException("ReserveInventory needs {\"orderId\": ..., \"item\": {\"sku\": ...,"
          + " \"quantity\": ...}}, got " + request);
    }
    OrderItem item = request.item();
    return new Result("res-" + request.orderId() + "-" + item.sku(), WAREHOUSE, item.sku(), item.quantity());
  }
}
