package com.example.orders.fulfilment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * Reserves the order's items. Idempotent: the reservation id is derived from the order id, and
 * the warehouse keeps one reservation per id, so a retry after a lost answer reserves nothing
 * twice. The workflow passes {@code $$.State.RetryCount} as {@code attempt}; only the classroom
 * simulation looks at it.
 */
public class ReserveInventory
    implements RequestHandler<ReserveInventory.Request, ReserveInventory.Reservation> {

  static final String WAREHOUSE = "FRA-1";
  /** warehouse-flaky: attempts 0 and 1 fail, attempt 2 (the second retry) succeeds. */
  static final int FLAKY_FAILURES = 2;

  public record Request(Order order, int attempt) {}

  public record Reservation(String reservationId, String warehouse, int units, int attempt) {}

  @Override
  public Reservation handleRequest(Request request, Context context) {
    Order order = request.order();
    if (order.simulates(Simulation.OUT_OF_STOCK)) {
      throw new OutOfStockException(
          "SKU " + order.items().get(0).sku() + " is out of stock in warehouse " + WAREHOUSE);
    }
    boolean noAnswer = order.simulates(Simulation.WAREHOUSE_DOWN)
        || (order.simulates(Simulation.WAREHOUSE_FLAKY) && request.attempt() < FLAKY_FAILURES);
    if (noAnswer) {
      throw new WarehouseUnavailableException(
          "Warehouse " + WAREHOUSE + " did not answer within 5 s (attempt " + request.attempt() + ")");
    }
    int units = order.items().stream().mapToInt(OrderItem::quantity).sum();
    return new Reservation(reservationIdFor(order.orderId()), WAREHOUSE, units, request.attempt());
  }

  /** One order, one reservation id: the idempotency key the warehouse deduplicates on. */
  static String reservationIdFor(String orderId) {
    return "res-" + orderId;
  }
}
