package com.example.orders.fulfilment;

/**
 * The classroom switch: put one or more of these names in the order's {@code simulate} list to act
 * out a failure. A real deployment never sets the field, so the handlers behave normally.
 */
public enum Simulation {
  /** ReserveInventory: the item is sold out (business error, caught, no retry). */
  OUT_OF_STOCK("out-of-stock"),
  /** ReserveInventory: the warehouse does not answer the first two attempts (retried). */
  WAREHOUSE_FLAKY("warehouse-flaky"),
  /** ReserveInventory: the warehouse never answers (retries run out, caught, compensated). */
  WAREHOUSE_DOWN("warehouse-down"),
  /** ChargePayment: Lambda throttles the first two invocations (acted out by the local runner). */
  LAMBDA_THROTTLED("lambda-throttled"),
  /** ChargePayment: the card is declined (business error, caught, compensated). */
  PAYMENT_DECLINED("payment-declined"),
  /** ChargePayment: the payment provider is slower than the Task's TimeoutSeconds (States.Timeout). */
  PAYMENT_SLOW("payment-slow"),
  /** ShipOrder: the carrier rejects the address (business error, caught, compensated). */
  ADDRESS_REJECTED("address-rejected");

  private final String switchName;

  Simulation(String switchName) {
    this.switchName = switchName;
  }

  public String switchName() {
    return switchName;
  }
}
