package com.example.orders.fulfilment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Books the shipment with the carrier: the last step, after which nothing can be undone. */
public class ShipOrder implements RequestHandler<Order, ShipOrder.Shipment> {

  /** The carrier's API, as far as this step needs it. */
  public interface Carrier {
    /** Books one parcel per order id to {@code address}. */
    Booking book(String orderId, Address address);

    /** The workshop has no carrier: every address is deliverable. Your project passes its carrier's client. */
    Carrier DELIVERS_EVERYWHERE = (orderId, address) -> Booking.booked("trk-" + orderId);
  }

  /** The carrier's answer: a tracking number, or why it cannot deliver. */
  public record Booking(String trackingNumber, String rejectedBecause) {
    public static Booking booked(String trackingNumber) {
      return new Booking(trackingNumber, null);
    }

    public static Booking rejected(String reason) {
      return new Booking(null, reason);
    }
  }

  public record Shipment(String trackingNumber, String carrier) {}

  /** Nested business error: {@code com.example.orders.fulfilment.ShipOrder$AddressRejectedException}. */
  public static class AddressRejectedException extends RuntimeException {
    public AddressRejectedException(String message) {
      super(message);
    }
  }

  private final Carrier carrier;

  /** What Lambda calls. */
  public ShipOrder() {
    this(Carrier.DELIVERS_EVERYWHERE);
  }

  public ShipOrder(Carrier carrier) {
    this.carrier = carrier;
  }

  @Override
  public Shipment handleRequest(Order order, Context context) {
    Booking booking = carrier.book(order.orderId(), order.shipTo());
    if (booking.rejectedBecause() != null) {
      throw new AddressRejectedException("The carrier cannot deliver to " + order.shipTo().city() + ", "
          + order.shipTo().country() + ": " + booking.rejectedBecause());
    }
    return new Shipment(booking.trackingNumber(), "DHL");
  }
}
