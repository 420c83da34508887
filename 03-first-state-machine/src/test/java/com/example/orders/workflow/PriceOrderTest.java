package com.example.orders.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class PriceOrderTest {

  @ParameterizedTest(name = "{0} x {1} to {2}: shipping {3}, total {4}")
  @CsvFileSource(resources = "/pricing-cases.csv", numLinesToSkip = 1)
  @DisplayName("shipping depends on the country and is free from 100 EUR")
  void pricing(int quantity, String unitPrice, String country, String shipping, String total) {
    var request = new PriceOrder.Request(List.of(new OrderItem("BOOK-42", quantity, new BigDecimal(unitPrice))), country);
    PriceOrder.Result result = new PriceOrder().handleRequest(request, null);
    assertEquals(new BigDecimal(shipping), result.shipping());
    assertEquals(new BigDecimal(total), result.total());
    assertEquals(result.subtotal().add(result.shipping()), result.total());
    assertEquals("EUR", result.currency());
  }
}
