package com.example.orders.fulfilment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The handlers on their own: the errors they throw and why retrying them is safe. */
class HandlersTest {

  private static Order order(String id) {
    return new Order(id, "cust-42", List.of(new OrderItem("BOOK-42", 2, new BigDecimal("12.50"))),
        new Address("Mina Park", "Berlin", "DE"));
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
    Map<String, Object> bad = Map.of("orderId", "ord-1", "customerId", "", "items", List.of());
    InvalidOrderException e = assertThrows(InvalidOrderException.class, () -> new ValidateOrder().handleRequest(bad, null));
    assertEquals("Order ord-1 is invalid: customerId is missing; the order has no items; shipTo.country is missing",
        e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\u0000', textBlock = """
      {}                        | NotAnOrderException   | An order needs an orderId string, got null
      []                        | NotAnOrderException   | An order is a JSON object, got an array
      null                      | NotAnOrderException   | An order is a JSON object, got null
      "ord-1"                   | NotAnOrderException   | An order is a JSON object, got the string "ord-1"
      42                        | NotAnOrderException   | An order is a JSON object, got the number 42
      {"orderId": 7}            | NotAnOrderException   | An order needs an orderId string, got the number 7
      {"orderId": "ord-1", "customerId": ["c"], "items": "many", "shipTo": "Berlin"} | InvalidOrderException | Order ord-1 is invalid: customerId is missing; items must be a list, got the string "many"; shipTo.country is missing
      {"orderId": "ord-1", "customerId": "c", "items": [3, {"sku": {}, "quantity": "2", "unitPrice": "9.5"}, {"sku": "A", "quantity": 1.5, "unitPrice": 0}, {"sku": "B", "quantity": 1e10, "unitPrice": 1}], "shipTo": {"country": "DE", "city": 10115}, "simulate": "all"} | InvalidOrderException | Order ord-1 is invalid: items[0] must be an object, got the number 3; items[1].sku is missing; items[1].quantity must be a whole number from 1 to 2147483647, was 2; items[1].unitPrice must be greater than 0; items[2].quantity must be a whole number from 1 to 2147483647, was 1.5; items[2].unitPrice must be greater than 0; items[3].quantity must be a whole number from 1 to 2147483647, was 1.0E10; shipTo.city must be a string, got the number 10115
      """)
  @DisplayName("any input, whatever its shape, gets a business error naming the problem (never a NullPointerException)")
  void anyShape(String json, String exception, String message) throws Exception {
    // The Lambda Java runtime's own reader, as it builds the handler's Object argument.
    Object input = JacksonFactory.getInstance().getSerializer(Object.class)
        .fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    RuntimeException e = assertThrows(RuntimeException.class, () -> new ValidateOrder().handleRequest(input, null));
    assertEquals("com.example.orders.fulfilment." + exception, e.getClass().getName());
    assertEquals(message, e.getMessage());
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
  @DisplayName("each business error is the step's answer to what the system behind it said, tested with a fake of that system")
  void businessErrorsFromTheSystemsAnswers() {
    ReserveInventory soldOut = new ReserveInventory((reservationId, items) -> Optional.of(items.get(0).sku()));
    var outOfStock = assertThrows(OutOfStockException.class,
        () -> soldOut.handleRequest(new ReserveInventory.Request(order("o"), 0), null));
    assertEquals("SKU BOOK-42 is out of stock in warehouse FRA-1", outOfStock.getMessage());

    ChargePayment declining = new ChargePayment((key, customer, amount, currency) -> ChargePayment.Charge.declined("card expired"));
    var declined = assertThrows(ChargePayment.PaymentDeclinedException.class, () -> declining.handleRequest(order("o"), null));
    assertEquals("Card of customer cust-42 was declined for 25.00 EUR (card expired)", declined.getMessage());

    ShipOrder rejecting = new ShipOrder((orderId, address) -> ShipOrder.Booking.rejected("no such street"));
    var rejected = assertThrows(ShipOrder.AddressRejectedException.class, () -> rejecting.handleRequest(order("o"), null));
    assertEquals("The carrier cannot deliver to Berlin, DE: no such street", rejected.getMessage());
  }

  @Test
  @DisplayName("a warehouse that does not answer fails the step with the transient error the workflow retries")
  void silentWarehouseIsTransient() {
    ReserveInventory handler = new ReserveInventory((reservationId, items) -> {
      throw new WarehouseUnavailableException("no answer within 5 s");
    });
    assertThrows(WarehouseUnavailableException.class,
        () -> handler.handleRequest(new ReserveInventory.Request(order("o"), 0), null));
  }

  @Test
  @DisplayName("the charge passes the order id as the provider's idempotency key, and the order's total")
  void chargeAsksTheProviderOnce() {
    List<String> asked = new java.util.ArrayList<>();
    ChargePayment handler = new ChargePayment((key, customer, amount, currency) -> {
      asked.add(key + " " + customer + " " + amount + " " + currency);
      return ChargePayment.Charge.approved("pay-77");
    });
    assertEquals(new ChargePayment.Payment("pay-77", new BigDecimal("25.00"), "EUR", "ord-9"),
        handler.handleRequest(order("ord-9"), null));
    assertEquals(List.of("ord-9 cust-42 25.00 EUR"), asked);
  }
}
