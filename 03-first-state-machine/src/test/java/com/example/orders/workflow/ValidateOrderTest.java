package com.example.orders.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.runtime.lambda.LocalContext;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ValidateOrderTest {

  private final ValidateOrder handler = new ValidateOrder();

  @Test
  @DisplayName("a complete order is valid and has no problems")
  void validOrder() {
    var order = new ValidateOrder.Request("ord-1", "cust-1", List.of(new OrderItem("BOOK-42", 2, new BigDecimal("12.50"))));
    ValidateOrder.Result result = handler.handleRequest(order, LocalContext.create());
    assertTrue(result.valid());
    assertEquals(List.of(), result.problems());
    assertEquals("ord-1", result.orderId());
  }

  @Test
  @DisplayName("every problem is reported, naming the field, not just the first one")
  void everyProblemNamesItsField() {
    var order = new ValidateOrder.Request("ord-2", " ", List.of(new OrderItem("book 42", 0, BigDecimal.ZERO)));
    ValidateOrder.Result result = handler.handleRequest(order, LocalContext.create());
    assertFalse(result.valid());
    assertEquals(
        List.of(
            "customerId is missing",
            "items[0].sku 'book 42' is not a SKU like BOOK-42",
            "items[0].quantity must be 1..100, was 0",
            "items[0].unitPrice must be greater than 0"),
        result.problems());
  }

  @Test
  @DisplayName("an order without items is invalid")
  void noItems() {
    ValidateOrder.Result result = handler.handleRequest(new ValidateOrder.Request("ord-3", "cust-1", List.of()), null);
    assertEquals(List.of("the order has no items"), result.problems());
  }
}
