package com.example.orders.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Step 1 of the order workflow: checks an order and says whether it can go on. An invalid order is
 * an ordinary answer here ({@code valid: false}), not an exception: the state machine's Choice
 * decides what happens next. Lesson 04 shows the other style (a business exception plus Catch).
 */
public class ValidateOrder implements RequestHandler<ValidateOrder.Request, ValidateOrder.Result> {

  static final int MAX_QUANTITY = 100;
  private static final Pattern SKU = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");

  public record Request(String orderId, String customerId, List<OrderItem> items) {}

  /** {@code rulesChecked} is bookkeeping the workflow drops with ResultSelector. */
  public record Result(String orderId, boolean valid, List<String> problems, int rulesChecked) {}

  @Override
  public Result handleRequest(Request order, Context context) {
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
        problems.addAll(check(i, order.items().get(i)));
      }
    }
    if (context != null) {
      String verdict = problems.isEmpty() ? "valid" : problems.toString();
      context.getLogger().log("ValidateOrder " + order.orderId() + ": " + verdict);
    }
    return new Result(order.orderId(), problems.isEmpty(), problems, 4);
  }

  private static List<String> check(int index, OrderItem item) {
    List<String> problems = new ArrayList<>();
    String where = "items[" + index + "]";
    if (item.sku() == null || !SKU.matcher(item.sku()).matches()) {
      problems.add(where + ".sku '" + item.sku() + "' is not a SKU like BOOK-42");
    }
    if (item.quantity() < 1 || item.quantity() > MAX_QUANTITY) {
      problems.add(where + ".quantity must be 1.." + MAX_QUANTITY + ", was " + item.quantity());
    }
    if (item.unitPrice() == null || item.unitPrice().compareTo(BigDecimal.ZERO) <= 0) {
      problems.add(where + ".unitPrice must be greater than 0");
    }
    return problems;
  }
}
