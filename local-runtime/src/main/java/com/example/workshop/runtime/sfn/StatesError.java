package com.example.workshop.runtime.sfn;

/**
 * A Step Functions error as it appears in the execution history: an error name ({@code
 * States.Runtime}, {@code States.IntrinsicFailure}, a Lambda {@code errorType}, ...) and a cause.
 */
final class StatesError extends RuntimeException {
  private final String error;
  private final String cause;

  StatesError(String error, String cause) {
    super(error + ": " + cause, null, false, false);
    this.error = error;
    this.cause = cause;
  }

  String error() {
    return error;
  }

  String cause() {
    return cause;
  }
}
