package com.example.orders.fulfilment;

import java.math.BigDecimal;
import java.util.List;

/**
 * The order as every step of the workflow reads it. Fields the workflow adds on the way
 * (reservation, payment, error...) are ignored here, as the Lambda Java runtime ignores unknown
 * JSON properties.
 */
public record Order(String orderId, String customerId, List<OrderItem> items, Address shipTo) {

  public BigDecimal total() {
    BigDecimal total = BigDecimal.ZERO;
    for (OrderItem item : items) {
      total = total.add(item.unitPrice().multiply(BigDecimal.valueOf(item.quantity())));
    }
    return total.setScale(2, java.math.RoundingMode.HALF_UP);
  }
}
