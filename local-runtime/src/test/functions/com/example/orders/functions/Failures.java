package com.example.orders.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Handlers that throw: the error document carries message, type and the frames of the exception. */
public final class Failures {
  private Failures() {}

  public static class OrderRejectedException extends RuntimeException {
    public OrderRejectedException(String message) { super(message); }
    public OrderRejectedException(String message, Throwable cause) { super(message, cause); }
  }

  public static class Quiet extends Exception {
    @Override
    public String getLocalizedMessage() { return "localized: order held"; }
  }

  /** Throws what the event's "kind" names. */
  public static class Reject implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
      String kind = String.valueOf(event.get("kind"));
      switch (kind) {
        case "plain" -> throw new OrderRejectedException("order o-1 rejected: amount must be positive");
        case "no-message" -> throw new IllegalStateException();
        case "cause" -> throw new OrderRejectedException("payment failed",
            new IllegalStateException("card declined", new IOException("gateway closed the connection")));
        case "unchecked-io" -> throw new UncheckedIOException("stock service", new IOException("timeout"));
        case "npe" -> {
          Object missing = event.get("missing");
          return missing.toString();
        }
        case "arithmetic" -> {
          int zero = event.size() - event.size();
          return Integer.toString(1 / zero);
        }
        case "error" -> throw new AssertionError("invariant broken: stock below zero");
        case "unicode" -> throw new OrderRejectedException("주문 거부: \u00e9t\u00e9 \u2603 \"quoted\" \\ back");
        case "separators" -> throw new OrderRejectedException("line\u2028separator and\u2029paragraph");
        case "control" -> throw new OrderRejectedException("tab\there\nnew line \u0001 and </script>");
        case "localized" -> throw sneaky(new Quiet());
        case "suppressed" -> {
          OrderRejectedException e = new OrderRejectedException("rollback failed");
          e.addSuppressed(new IllegalStateException("release inventory failed"));
          throw e;
        }
        case "deep" -> {
          return recurse(0);
        }
        default -> throw new IllegalArgumentException("unknown kind: " + kind);
      }
    }

    private static String recurse(int depth) {
      if (depth == 40) {
        throw new OrderRejectedException("too deep at " + depth);
      }
      return recurse(depth + 1);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
      throw (E) t;
    }
  }

  /** A checked exception declared on a named method. */
  public static class Checked {
    public String charge(Map<String, Object> event) throws Exception {
      throw new Exception("card declined for " + event.get("orderId"));
    }
  }

  /** A static method that throws. */
  public static class Static {
    public static String validate(String orderId) {
      throw new OrderRejectedException("invalid order id '" + orderId + "'");
    }
  }
}
