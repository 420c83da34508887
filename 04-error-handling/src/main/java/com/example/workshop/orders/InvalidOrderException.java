package com.example.workshop.orders;

/**
 * A business error: the order can never succeed as it is, so retrying is pointless. Step Functions
 * sees it as the error {@code com.example.workshop.orders.InvalidOrderException} (the class name).
 */
public class InvalidOrderException extends RuntimeException {
  public InvalidOrderException(String message) {
    super(message);
  }
}
