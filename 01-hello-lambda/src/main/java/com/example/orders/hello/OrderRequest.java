package com.example.orders.hello;

import java.math.BigDecimal;
import java.util.List;

/**
 * An order as it arrives in the event. A record is a fine input type: the runtime's Jackson fills
 * it from the JSON field names, which must match the component names exactly (annotations such as
 * {@code @JsonProperty} are ignored by the runtime). Unknown fields are ignored; missing ones are
 * null.
 */
public record OrderRequest(String orderId, String customerId, BigDecimal amount, List<String> items) {

  /** Checks the rules every entry point shares; throws on the first broken one. */
  public OrderRequest validate() {
    if (orderId == null || orderId.isBlank()) {
      throw new InvalidOrderException("orderId", "orderId is required");
    }
    if (customerId == null || customerId.isBlank()) {
      throw new InvalidOrderException("customerId", "customerId is required");
    }
    if (amount == null) {
      throw new InvalidOrderException("amount", "amount is required");
    }
    if (amount.signum() <= 0) {
      throw new InvalidOrderException("amount", "amount must be greater than 0, got " + amount.toPlainString());
    }
    return this;
  }
}
