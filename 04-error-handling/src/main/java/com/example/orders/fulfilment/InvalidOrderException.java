package com.example.orders.fulfilment;

/**
 * A business error: the order can never succeed as it is, so retrying is pointless. Step Functions
 * sees it as the error {@code com.example.orders.fulfilment.InvalidOrderException} (the class name).
 */
public class InvalidOrderException extends RuntimeException {
  public InvalidOrderException(String message) {
    super(message);
  }
}
