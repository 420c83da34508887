package com.example.orders.fulfilment.classroom;

import com.amazonaws.services.lambda.runtime.Context;
import com.example.orders.fulfilment.Address;
import com.example.orders.fulfilment.ChargePayment;
import com.example.orders.fulfilment.ChargePayment.Charge;
import com.example.orders.fulfilment.ChargePayment.Payment;
import com.example.orders.fulfilment.Order;
import com.example.orders.fulfilment.OrderItem;
import com.example.orders.fulfilment.ReserveInventory;
import com.example.orders.fulfilment.ReserveInventory.Reservation;
import com.example.orders.fulfilment.ShipOrder;
import com.example.orders.fulfilment.ShipOrder.Booking;
import com.example.orders.fulfilment.ShipOrder.Shipment;
import com.example.orders.fulfilment.WarehouseUnavailableException;
import java.util.List;
import java.util.Optional;

/**
 * Workshop only (see package-info): three Lambda handlers, {@code ClassroomFaults::reserveInventory},
 * {@code ::chargePayment} and {@code ::shipOrder}, that run the lesson's own handler with a
 * warehouse, payment provider or carrier that fails as the order's {@code simulate} list says.
 * The error the workflow sees is still the one the real handler throws.
 */
public class ClassroomFaults {

  /** warehouse-flaky: attempts 0 and 1 get no answer, attempt 2 (the second retry) succeeds. */
  static final int FLAKY_FAILURES = 2;
  /** payment-slow: longer than ChargePayment's TimeoutSeconds (2) in order-fulfilment.asl.json. */
  static final long SLOW_PROVIDER_MILLIS = 3_000;

  /** An order as the samples in events/ carry it: the order, and the faults to act out. */
  public record SimulatingOrder(
      String orderId, String customerId, List<OrderItem> items, Address shipTo, List<String> simulate) {

    Order order() {
      return new Order(orderId, customerId, items, shipTo);
    }

    boolean simulates(Fault fault) {
      return Fault.named(simulate).contains(fault);
    }
  }

  /** ReserveInventory's request ({@code $$.State.RetryCount} as attempt) with a simulating order. */
  public record ReserveRequest(SimulatingOrder order, int attempt) {}

  public Reservation reserveInventory(ReserveRequest request, Context context) {
    SimulatingOrder order = request.order();
    boolean noAnswer = order.simulates(Fault.WAREHOUSE_DOWN)
        || (order.simulates(Fault.WAREHOUSE_FLAKY) && request.attempt() < FLAKY_FAILURES);
    ReserveInventory.Warehouse warehouse = (reservationId, items) -> {
      if (noAnswer) {
        throw new WarehouseUnavailableException("Warehouse " + ReserveInventory.WAREHOUSE
            + " did not answer within 5 s (attempt " + request.attempt() + ")");
      }
      return order.simulates(Fault.OUT_OF_STOCK) ? Optional.of(items.get(0).sku()) : Optional.empty();
    };
    return new ReserveInventory(warehouse).handleRequest(
        new ReserveInventory.Request(order.order(), request.attempt()), context);
  }

  // snippet:charge
  public Payment chargePayment(SimulatingOrder order, Context context) {
    ChargePayment.PaymentProvider provider = (key, customerId, amount, currency) -> {
      if (order.simulates(Fault.PAYMENT_SLOW)) {
        sleep(SLOW_PROVIDER_MILLIS);
      }
      return order.simulates(Fault.PAYMENT_DECLINED) ? Charge.declined("insufficient funds")
          : ChargePayment.PaymentProvider.APPROVES_ALL.charge(key, customerId, amount, currency);
    };
    return new ChargePayment(provider).handleRequest(order.order(), context);
  }
  // end-snippet

  public Shipment shipOrder(SimulatingOrder order, Context context) {
    ShipOrder.Carrier carrier = (orderId, address) -> order.simulates(Fault.ADDRESS_REJECTED)
        ? Booking.rejected("address unknown")
        : ShipOrder.Carrier.DELIVERS_EVERYWHERE.book(orderId, address);
    return new ShipOrder(carrier).handleRequest(order.order(), context);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the payment provider", e);
    }
  }
}
