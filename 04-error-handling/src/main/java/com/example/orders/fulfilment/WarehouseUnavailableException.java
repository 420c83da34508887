package com.example.orders.fulfilment;

/**
 * A transient error: the warehouse did not answer in time. The same request may well succeed a
 * moment later, so the workflow retries it, which is safe because ReserveInventory is idempotent.
 */
public class WarehouseUnavailableException extends RuntimeException {
  public WarehouseUnavailableException(String message) {
    super(message);
  }
}
