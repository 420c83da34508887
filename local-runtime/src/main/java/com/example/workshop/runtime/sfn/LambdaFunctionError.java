package com.example.workshop.runtime.sfn;

/**
 * Makes a {@link LambdaFunction} fake fail like a Lambda function error: the Step Functions error
 * is {@code errorType}, the cause is the Lambda error document built from both fields.
 */
public final class LambdaFunctionError extends Exception {
  private final String errorType;
  private final String errorMessage;

  public LambdaFunctionError(String errorType, String errorMessage) {
    super(errorType + ": " + errorMessage);
    this.errorType = errorType;
    this.errorMessage = errorMessage;
  }

  public String errorType() {
    return errorType;
  }

  public String errorMessage() {
    return errorMessage;
  }
}
