package com.example.orders.fulfilment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Books the shipment with the carrier: the last step, after which nothing can be undone. */
public class ShipOrder implements RequestHandler<Order, ShipOrder.Shipment> {

  public record Shipment(String trackingNumber, String carrier) {}

  /** Nested business error: {@code com.example.orders.fulfilment.ShipOrder$AddressRejectedException}. */
  public static class AddressRejectedException extends RuntimeException {
    public AddressRejectedException(String message) {
      super(message);
    }
  }

  @Override
  public Shipment handleRequest(Order order, Context context) {
    if (order.simulates(Simulation.ADDRESS_REJECTED)) {
      throw new AddressRejectedException("The carrier cannot deliver to " + order.shipTo().city() + ", "
          + order.shipTo().country() + ": address unknown");
    }
    return new Shipment("trk-" + order.orderId(), "DHL");
  }
}
