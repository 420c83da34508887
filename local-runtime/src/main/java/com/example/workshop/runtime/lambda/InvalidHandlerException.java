package com.example.workshop.runtime.lambda;

/**
 * The handler string does not name something Lambda's Java runtime could call: the class is
 * missing, the method has no supported signature, or the class cannot be instantiated. The
 * message says which, and how to fix it.
 */
public final class InvalidHandlerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidHandlerException(String message) {
    super(message);
  }

  InvalidHandlerException(String message, Throwable cause) {
    super(message, cause);
  }
}
