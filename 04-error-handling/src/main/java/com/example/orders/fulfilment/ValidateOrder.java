package com.example.orders.fulfilment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks an order. Unlike lesson 03 (which returned {@code valid: false}), an invalid order is a
 * business exception here: the workflow catches it by class name and rejects the order.
 *
 * <p>It takes the execution input as plain JSON values (maps, lists, strings, numbers) rather than
 * an {@link Order}: any input, {@code []}, {@code null} or {@code {"items": "many"}}, then gets a
 * business error naming the problem instead of the runtime's "An error occurred during JSON
 * parsing" or a NullPointerException, which no Catch of the workflow expects.
 */
public class ValidateOrder implements RequestHandler<Object, ValidateOrder.Result> {

  public record Result(String orderId, int items) {}

  /** The largest quantity the later steps can hold (an int). */
  private static final BigDecimal MAX_QUANTITY = BigDecimal.valueOf(Integer.MAX_VALUE);

  @Override
  public Result handleRequest(Object input, Context context) {
    if (!(input instanceof Map<?, ?> order)) {
      throw new NotAnOrderException("An order is a JSON object, got " + describe(input));
    }
    if (!(order.get("orderId") instanceof String orderId) || orderId.isBlank()) {
      throw new NotAnOrderException("An order needs an orderId string, got " + describe(order.get("orderId")));
    }
    List<String> problems = new ArrayList<>();
    if (!(order.get("customerId") instanceof String customerId) || customerId.isBlank()) {
      problems.add("customerId is missing");
    }
    Object items = order.get("items");
    if (items == null || (items instanceof List<?> list && list.isEmpty())) {
      problems.add("the order has no items");
    } else if (!(items instanceof List<?> list)) {
      problems.add("items must be a list, got " + describe(items));
    } else {
      for (int i = 0; i < list.size(); i++) {
        checkItem(list.get(i), "items[" + i + "]", problems);
      }
    }
    if (!(order.get("shipTo") instanceof Map<?, ?> shipTo) || !(shipTo.get("country") instanceof String)) {
      problems.add("shipTo.country is missing");
    } else {
      checkText(shipTo, "name", "shipTo.", problems);
      checkText(shipTo, "city", "shipTo.", problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidOrderException("Order " + orderId + " is invalid: " + String.join("; ", problems));
    }
    return new Result(orderId, ((List<?>) items).size());
  }

  private static void checkItem(Object value, String where, List<String> problems) {
    if (!(value instanceof Map<?, ?> item)) {
      problems.add(where + " must be an object, got " + describe(value));
      return;
    }
    if (!(item.get("sku") instanceof String sku) || sku.isBlank()) {
      problems.add(where + ".sku is missing");
    }
    if (!(item.get("quantity") instanceof Number n) || !isWhole(n) || decimal(n).signum() < 1
        || decimal(n).compareTo(MAX_QUANTITY) > 0) {
      problems.add(where + ".quantity must be a whole number from 1 to " + MAX_QUANTITY + ", was "
          + item.get("quantity"));
    }
    if (!(item.get("unitPrice") instanceof Number price) || decimal(price).signum() <= 0) {
      problems.add(where + ".unitPrice must be greater than 0");
    }
  }

  /** A field that the later steps read as text, when present: a string, not an object or a list. */
  private static void checkText(Map<?, ?> map, String name, String prefix, List<String> problems) {
    Object value = map.get(name);
    if (value != null && !(value instanceof String)) {
      problems.add(prefix + name + " must be a string, got " + describe(value));
    }
  }

  private static BigDecimal decimal(Number n) {
    return new BigDecimal(n.toString());
  }

  private static boolean isWhole(Number n) {
    return decimal(n).stripTrailingZeros().scale() <= 0;
  }

  /** What a JSON value is, for a message: "an array", "null", "the string \"x\"", ... */
  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map<?, ?>) {
      return "an object";
    }
    if (value instanceof List<?>) {
      return "an array";
    }
    if (value instanceof String s) {
      return "the string \"" + s + "\"";
    }
    return (value instanceof Boolean ? "the boolean " : "the number ") + value;
  }
}
