package com.example.workshop.triggers;

/** An order that parsed but breaks a business rule (missing id, amount not positive...). */
public class InvalidOrderException extends RuntimeException {
  public InvalidOrderException(String message) {
    super(message);
  }
}
