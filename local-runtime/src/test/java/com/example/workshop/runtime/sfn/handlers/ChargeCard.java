package com.example.workshop.runtime.sfn.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test handler: charges an order, refuses amounts above 1000 with an IllegalStateException. */
public class ChargeCard implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  @Override
  public Map<String, Object> handleRequest(Map<String, Object> order, Context context) {
    Number amount = (Number) order.get("amount");
    if (amount.doubleValue() > 1000) {
      throw new IllegalStateException("amount " + amount + " needs manual approval");
    }
    Map<String, Object> receipt = new LinkedHashMap<>();
    receipt.put("orderId", order.get("orderId"));
    receipt.put("charged", amount);
    return receipt;
  }
}
