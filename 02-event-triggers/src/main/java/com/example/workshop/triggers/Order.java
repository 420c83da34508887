package com.example.workshop.triggers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An order as the lesson's producers send it. {@link #validated(String)} enforces the rules every
 * trigger applies before it acts, so a bad order fails the same way whichever way it arrives.
 */
public record Order(String orderId, String customerId, BigDecimal amount, List<String> items) {

  public Order {
    items = items == null ? List.of() : List.copyOf(items);
  }

  /**
   * Returns this order when it is usable, else throws {@link InvalidOrderException} naming every
   * broken field and {@code where} it came from (an S3 key, a message id, a stream sequence
   * number).
   */
  public Order validated(String where) {
    List<String> problems = new ArrayList<>();
    if (orderId == null || orderId.isBlank()) {
      problems.add("orderId is missing");
    }
    if (customerId == null || customerId.isBlank()) {
      problems.add("customerId is missing");
    }
    if (amount == null) {
      problems.add("amount is missing");
    } else if (amount.signum() <= 0) {
      problems.add("amount must be greater than 0, got " + amount.toPlainString());
    }
    if (!problems.isEmpty()) {
      throw new InvalidOrderException(where + ": " + String.join("; ", problems));
    }
    return this;
  }
}
