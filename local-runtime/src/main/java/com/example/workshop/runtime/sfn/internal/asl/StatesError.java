package com.example.workshop.runtime.sfn.internal.asl;

/**
 * A Step Functions error as it appears in the execution history: an error name ({@code
 * States.Runtime}, {@code States.IntrinsicFailure}, a Lambda {@code errorType}, ...) and a cause.
 */
public final class StatesError extends RuntimeException {
  private final String error;
  private final String cause;

  public StatesError(String error, String cause) {
    super(error + ": " + cause, null, false, false);
    this.error = error;
    this.cause = cause;
  }

  public String error() {
    return error;
  }

  public String cause() {
    return cause;
  }
}
