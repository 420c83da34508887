package com.example.orders.fulfilment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks an order. Unlike lesson 03 (which returned {@code valid: false}), an invalid order is a
 * business exception here: the workflow catches it by class name and rejects the order.
 */
public class ValidateOrder implements RequestHandler<Order, ValidateOrder.Result> {

  public record Result(String orderId, int items) {}

  @Override
  public Result handleRequest(Order order, Context context) {
    List<String> problems = new ArrayList<>();
    if (order.orderId() == null || order.orderId().isBlank()) {
      problems.add("orderId is missing");
    }
    if (order.customerId() == null || order.customerId().isBlank()) {
      problems.add("customerId is missing");
    }
    if (order.items() == null || order.items().isEmpty()) {
      problems.add("the order has no items");
    } else {
      for (int i = 0; i < order.items().size(); i++) {
        OrderItem item = order.items().get(i);
        if (item.quantity() < 1) {
          problems.add("items[" + i + "].quantity must be at least 1, was " + item.quantity());
        }
        if (item.unitPrice() == null || item.unitPrice().compareTo(BigDecimal.ZERO) <= 0) {
          problems.add("items[" + i + "].unitPrice must be greater than 0");
        }
      }
    }
    if (order.shipTo() == null || order.shipTo().country() == null) {
      problems.add("shipTo.country is missing");
    }
    if (!problems.isEmpty()) {
      throw new InvalidOrderException(
          "Order " + order.orderId() + " is invalid: " + String.join("; ", problems));
    }
    return new Result(order.orderId(), order.items().size());
  }
}
