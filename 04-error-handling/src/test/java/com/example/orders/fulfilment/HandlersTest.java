package com.example.orders.fulfilment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The handlers on their own: the errors they throw and why retrying them is safe. */
class HandlersTest {

  private static Order order(String id, String... simulate) {
    return new Order(id, "cust-42", List.of(new OrderItem("BOOK-42", 2, new BigDecimal("12.50"))),
        new Address("Mina Park", "Berlin", "DE"), List.of(simulate));
  }

  @Test
  @DisplayName("the error name Step Functions matches is the class name, with $ for a nested class")
  void errorNames() {
    assertEquals("com.example.orders.fulfilment.ChargePayment$PaymentDeclinedException",
        ChargePayment.PaymentDeclinedException.class.getName());
    assertEquals("com.example.orders.fulfilment.ShipOrder$AddressRejectedException",
        ShipOrder.AddressRejectedException.class.getName());
    assertEquals("com.example.orders.fulfilment.InvalidOrderException", InvalidOrderException.class.getName());
  }

  @Test
  @DisplayName("an invalid order names every problem in the exception message")
  void invalidOrder() {
    Order bad = new Order("ord-1", "", List.of(), null, null);
    InvalidOrderException e = assertThrows(InvalidOrderException.class, () -> new ValidateOrder().handleRequest(bad, null));
    assertEquals("Order ord-1 is invalid: customerId is missing; the order has no items; shipTo.country is missing",
        e.getMessage());
  }

  @Test
  @DisplayName("warehouse-flaky fails attempts 0 and 1, then reserves")
  void flakyWarehouse() {
    ReserveInventory handler = new ReserveInventory();
    Order o = order("ord-1", "warehouse-flaky");
    assertThrows(WarehouseUnavailableException.class, () -> handler.handleRequest(new ReserveInventory.Request(o, 0), null));
    assertThrows(WarehouseUnavailableException.class, () -> handler.handleRequest(new ReserveInventory.Request(o, 1), null));
    assertEquals("res-ord-1", handler.handleRequest(new ReserveInventory.Request(o, 2), null).reservationId());
  }

  @Test
  @DisplayName("retrying a step gives the same ids: reservation, charge and refund are idempotent by order id")
  void idempotentByOrderId() {
    Order o = order("ord-7");
    var first = new ReserveInventory().handleRequest(new ReserveInventory.Request(o, 0), null);
    var again = new ReserveInventory().handleRequest(new ReserveInventory.Request(o, 3), null);
    assertEquals(first.reservationId(), again.reservationId());
    assertEquals(new ChargePayment().handleRequest(o, null), new ChargePayment().handleRequest(o, null));
    assertEquals("ord-7", new ChargePayment().handleRequest(o, null).idempotencyKey());
    assertEquals(new RefundPayment().handleRequest(new RefundPayment.Request("ord-7"), null),
        new RefundPayment().handleRequest(new RefundPayment.Request("ord-7"), null));
    assertEquals(first.reservationId(),
        new ReleaseInventory().handleRequest(new ReleaseInventory.Request("ord-7"), null).reservationId());
  }

  @Test
  @DisplayName("each business switch throws its own exception")
  void businessErrors() {
    assertThrows(OutOfStockException.class,
        () -> new ReserveInventory().handleRequest(new ReserveInventory.Request(order("o", "out-of-stock"), 0), null));
    var declined = assertThrows(ChargePayment.PaymentDeclinedException.class,
        () -> new ChargePayment().handleRequest(order("o", "payment-declined"), null));
    assertTrue(declined.getMessage().contains("25.00 EUR"), declined.getMessage());
    assertThrows(ShipOrder.AddressRejectedException.class,
        () -> new ShipOrder().handleRequest(order("o", "address-rejected"), null));
  }
}
