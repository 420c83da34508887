package com.example.orders.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

/** Step 2: prices a valid order (subtotal, shipping by destination country, total), in EUR. */
public class PriceOrder implements RequestHandler<PriceOrder.Request, PriceOrder.Result> {

  static final String PRICE_LIST = "2026-11";
  static final BigDecimal FREE_SHIPPING_FROM = new BigDecimal("100.00");
  private static final Set<String> EU =
      Set.of("AT", "BE", "DK", "ES", "FI", "FR", "IE", "IT", "LU", "NL", "PL", "PT", "SE");

  public record Request(List<OrderItem> items, String country) {}

  /** {@code priceList} is bookkeeping the workflow drops with ResultSelector. */
  public record Result(
      BigDecimal subtotal, BigDecimal shipping, BigDecimal total, String currency, String priceList) {}

  @Override
  public Result handleRequest(Request request, Context context) {
    BigDecimal subtotal = BigDecimal.ZERO;
    for (OrderItem item : request.items()) {
      subtotal = subtotal.add(item.unitPrice().multiply(BigDecimal.valueOf(item.quantity())));
    }
    subtotal = subtotal.setScale(2, RoundingMode.HALF_UP);
    BigDecimal shipping =
        subtotal.compareTo(FREE_SHIPPING_FROM) >= 0 ? BigDecimal.ZERO : shippingTo(request.country());
    shipping = shipping.setScale(2, RoundingMode.HALF_UP);
    return new Result(subtotal, shipping, subtotal.add(shipping), "EUR", PRICE_LIST);
  }

  static BigDecimal shippingTo(String country) {
    if ("DE".equals(country)) {
      return new BigDecimal("4.90");
    }
    return EU.contains(country) ? new BigDecimal("9.90") : new BigDecimal("19.90");
  }
}
