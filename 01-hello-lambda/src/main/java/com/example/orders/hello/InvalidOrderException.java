package com.example.orders.hello;

/**
 * The order breaks a rule. Thrown from a plain handler it becomes Lambda's error document with
 * {@code "errorType": "com.example.orders.hello.InvalidOrderException"} - the name a Step Functions
 * Catch matches on (lesson 04).
 */
public class InvalidOrderException extends RuntimeException {
  private final String field;

  public InvalidOrderException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The JSON field at fault. */
  public String field() {
    return field;
  }
}
