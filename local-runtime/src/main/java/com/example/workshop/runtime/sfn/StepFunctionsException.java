package com.example.workshop.runtime.sfn;

/**
 * A request that the Step Functions API refuses: {@link #errorCode()} is the error AWS returns
 * ({@code InvalidToken}, {@code TaskDoesNotExist}, {@code TaskTimedOut}, {@code InvalidOutput},
 * {@code ValidationException}, {@code ExecutionNotRedrivable}), {@link #getMessage()} its
 * message, AWS's text where it is known: the {@code __type} and {@code message} of the API's 400
 * answer.
 */
public final class StepFunctionsException extends RuntimeException {
  private final String errorCode;

  public StepFunctionsException(String errorCode, String message) {
    super(message, null, false, false);
    this.errorCode = errorCode;
  }

  public String errorCode() {
    return errorCode;
  }

  /** {@code ErrorCode: message}, as the AWS CLI prints it. */
  @Override
  public String toString() {
    return errorCode + ": " + getMessage();
  }
}
