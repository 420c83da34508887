package com.example.orders.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;

/**
 * Step 3: reserves the items in the warehouse. The reservation id is derived from the order id, so
 * running this twice for one order reserves once (lesson 04 relies on that when it retries).
 */
public class ReserveInventory implements RequestHandler<ReserveInventory.Request, ReserveInventory.Result> {

  static final String WAREHOUSE = "FRA-1";

  public record Request(String orderId, List<OrderItem> items) {}

  public record Result(String reservationId, String warehouse, int units) {}

  @Override
  public Result handleRequest(Request request, Context context) {
    int units = request.items().stream().mapToInt(OrderItem::quantity).sum();
    return new Result("res-" + request.orderId(), WAREHOUSE, units);
  }
}
