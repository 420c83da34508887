package com.example.workshop.runtime.endpoint;

/**
 * An error answer of the Step Functions API: HTTP 400 (500 for a fault of local-runtime) with
 * {@code {"__type": type, "message": message}}, the shape the AWS SDKs and the AWS CLI turn into
 * their typed exceptions.
 */
final class ApiError extends RuntimeException {
  private final String type;
  private final int status;

  ApiError(String type, String message) {
    this(type, message, 400);
  }

  private ApiError(String type, String message, int status) {
    super(message, null, false, false);
    this.type = type;
    this.status = status;
  }

  String type() {
    return type;
  }

  int status() {
    return status;
  }

  /** A fault of local-runtime itself (HTTP 500, as AWS's InternalFailure): never the caller's. */
  static ApiError internal(String message) {
    return new ApiError("InternalFailure", message, 500);
  }

  static ApiError validation(String message) {
    return new ApiError("ValidationException", message);
  }

  static ApiError invalidArn(String why) {
    return new ApiError("InvalidArn", "Invalid Arn: '" + why + "'");
  }

  static ApiError stateMachineDoesNotExist(String arn) {
    return new ApiError("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
  }

  static ApiError executionDoesNotExist(String arn) {
    return new ApiError("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
  }

  static ApiError typeNotSupported() {
    return new ApiError("StateMachineTypeNotSupported",
        "This operation is not supported by this type of state machine");
  }

  /** An operation of the Step Functions API that local-runtime does not answer (yet). */
  static ApiError unsupported(String operation, String why) {
    return new ApiError("UnsupportedOperation", operation + " is not supported by local-runtime"
        + (why == null ? "" : ": " + why));
  }
}
