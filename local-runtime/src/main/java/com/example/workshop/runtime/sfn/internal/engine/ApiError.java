package com.example.workshop.runtime.sfn.internal.engine;

/**
 * A request the Step Functions API would refuse: {@code code} is AWS's error name ({@code
 * InvalidToken}, {@code TaskTimedOut}, {@code ExecutionNotRedrivable}, ...), the message AWS's
 * text where it is known. The public API turns it into its exception.
 */
public final class ApiError extends RuntimeException {
  private final String code;

  public ApiError(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** AWS's ValidationException for a member longer than its constraint. */
  static ApiError tooLong(String member, int max) {
    return new ApiError("ValidationException", "1 validation error detected: Value at '" + member
        + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
  }

  static ApiError missing(String member) {
    return new ApiError("ValidationException", "1 validation error detected: Value null at '"
        + member + "' failed to satisfy constraint: Member must not be null");
  }
}
