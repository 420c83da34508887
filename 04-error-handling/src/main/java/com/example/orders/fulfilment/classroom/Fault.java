package com.example.orders.fulfilment.classroom;

import java.util.ArrayList;
import java.util.List;

/** The failures an order's {@code "simulate"} list can name, and where each one strikes. */
public enum Fault {
  /** The warehouse has none of the first item (business error, caught, no retry). */
  OUT_OF_STOCK("out-of-stock"),
  /** The warehouse does not answer the first two attempts (retried). */
  WAREHOUSE_FLAKY("warehouse-flaky"),
  /** The warehouse never answers (retries run out, caught, compensated). */
  WAREHOUSE_DOWN("warehouse-down"),
  /** Lambda throttles the first two invocations of ChargePayment: a service error only the offline runner acts out. */
  LAMBDA_THROTTLED("lambda-throttled"),
  /** The card is declined (business error, caught, compensated). */
  PAYMENT_DECLINED("payment-declined"),
  /** The payment provider answers after 3 s, later than ChargePayment's TimeoutSeconds (States.Timeout). */
  PAYMENT_SLOW("payment-slow"),
  /** The carrier rejects the address (business error, caught, compensated). */
  ADDRESS_REJECTED("address-rejected");

  private final String label;

  Fault(String label) {
    this.label = label;
  }

  /** The name an order's {@code "simulate"} list uses. */
  public String label() {
    return label;
  }

  /** The faults {@code names} asks for; a name that is none of them is an error that lists them all. */
  static List<Fault> named(List<String> names) {
    List<Fault> faults = new ArrayList<>();
    for (String name : names == null ? List.<String>of() : names) {
      Fault fault = null;
      for (Fault f : values()) {
        fault = f.label.equals(name) ? f : fault;
      }
      if (fault == null) {
        List<String> labels = new ArrayList<>();
        for (Fault f : values()) {
          labels.add(f.label);
        }
        throw new IllegalArgumentException("simulate names an unknown fault '" + name + "'; the faults are "
            + String.join(", ", labels));
      }
      faults.add(fault);
    }
    return faults;
  }
}
