package com.example.workshop.runtime.lambda;

/**
 * A handler string the Lambda Java runtime cannot call. Lambda does not reject it when the function
 * is created: the first invocation fails with Runtime.BadFunctionCode and the error document the
 * runtime interface client writes ({@link #document()}); {@link #getMessage()} is our hint on how to
 * fix it. Fatal faults fail the init phase (the runtime exits), the others fail each invocation.
 */
final class HandlerFault extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String awsMessage;
  private final String awsType;
  private final boolean fatal;

  /**
   * @param hint what is wrong and how to fix it, in our words
   * @param awsMessage the errorMessage Lambda reports
   * @param awsType the errorType Lambda reports, or null when it reports none
   */
  HandlerFault(String hint, String awsMessage, String awsType, boolean fatal) {
    super(hint, null, false, false);
    this.awsMessage = awsMessage;
    this.awsType = awsType;
    this.fatal = fatal;
  }

  String document() {
    return ErrorDocument.of(awsMessage, awsType, null);
  }

  String awsType() {
    return awsType;
  }

  boolean fatal() {
    return fatal;
  }
}
