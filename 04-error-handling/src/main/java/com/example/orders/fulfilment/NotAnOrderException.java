package com.example.orders.fulfilment;

/**
 * A business error like {@link InvalidOrderException}, for input that is no order at all (not a
 * JSON object, or without an orderId). Its own name lets the workflow catch it apart: a Catch with
 * {@code "ResultPath": "$.error"} cannot add a field to an array or a string, so this one keeps the
 * input as it is ({@code "ResultPath": null}).
 */
public class NotAnOrderException extends RuntimeException {
  public NotAnOrderException(String message) {
    super(message);
  }
}
