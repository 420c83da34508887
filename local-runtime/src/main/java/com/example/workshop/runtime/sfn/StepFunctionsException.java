package com.example.workshop.runtime.sfn;

/**
 * Step Functions refused a request, as its API does: {@link #errorCode()} is AWS's error name
 * (the {@code __type} of its JSON error, e.g. {@code ValidationException} or {@code
 * InvalidDefinition}) and the message is AWS's text for the same mistake.
 */
public final class StepFunctionsException extends RuntimeException {
  private final String errorCode;

  public StepFunctionsException(String errorCode, String message) {
    super(message);
    this.errorCode = errorCode;
  }

  /** AWS's error name, e.g. {@code ValidationException}. */
  public String errorCode() {
    return errorCode;
  }

  /** {@code ValidationException: State not found in definition}, as the AWS CLI shows it. */
  @Override
  public String toString() {
    return errorCode + ": " + getMessage();
  }
}
