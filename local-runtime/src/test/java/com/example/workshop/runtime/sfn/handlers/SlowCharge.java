package com.example.workshop.runtime.sfn.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Test handler: a payment provider that answers after {@code millis} (from the event). */
public class SlowCharge implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  @Override
  public Map<String, Object> handleRequest(Map<String, Object> order, Context context) {
    try {
      Thread.sleep(((Number) order.get("millis")).longValue());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: the Task timed out");
    }
    return Map.of("charged", true);
  }
}
