package com.example.orders.fulfilment;

/** A business error: the warehouse answered, and the answer is no. Not worth a retry. */
public class OutOfStockException extends RuntimeException {
  public OutOfStockException(String message) {
    super(message);
  }
}
