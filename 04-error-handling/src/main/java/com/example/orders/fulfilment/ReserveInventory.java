package com.example.orders.fulfilment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Optional;

/**
 * Reserves the order's items. Idempotent: the reservation id is derived from the order id, and
 * the warehouse keeps one reservation per id, so a retry after a lost answer reserves nothing
 * twice. The workflow passes {@code $$.State.RetryCount} as {@code attempt}; the reservation
 * records which attempt made it.
 */
public class ReserveInventory
    implements RequestHandler<ReserveInventory.Request, ReserveInventory.Reservation> {

  public static final String WAREHOUSE = "FRA-1";

  /** The warehouse's API, as far as this step needs it. */
  public interface Warehouse {
    /**
     * Reserves {@code items} under {@code reservationId}; asked again with the same id, it keeps
     * the one reservation. Answers with the first SKU it cannot reserve (out of stock), or empty.
     *
     * @throws WarehouseUnavailableException when the warehouse does not answer in time
     */
    Optional<String> reserve(String reservationId, List<OrderItem> items);

    /** The workshop has no warehouse: every item is in stock. Your project passes its warehouse client. */
    Warehouse ALWAYS_IN_STOCK = (reservationId, items) -> Optional.empty();
  }

  public record Request(Order order, int attempt) {}

  public record Reservation(String reservationId, String warehouse, int units, int attempt) {}

  private final Warehouse warehouse;

  /** What Lambda calls. */
  public ReserveInventory() {
    this(Warehouse.ALWAYS_IN_STOCK);
  }

  public ReserveInventory(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  @Override
  public Reservation handleRequest(Request request, Context context) {
    Order order = request.order();
    String reservationId = reservationIdFor(order.orderId());
    Optional<String> missing = warehouse.reserve(reservationId, order.items());
    if (missing.isPresent()) {
      throw new OutOfStockException("SKU " + missing.get() + " is out of stock in warehouse " + WAREHOUSE);
    }
    int units = order.items().stream().mapToInt(OrderItem::quantity).sum();
    return new Reservation(reservationId, WAREHOUSE, units, request.attempt());
  }

  /** One order, one reservation id: the idempotency key the warehouse deduplicates on. */
  static String reservationIdFor(String orderId) {
    return "res-" + orderId;
  }
}
