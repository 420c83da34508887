package com.example.workshop.runtime.lambda;

/**
 * How an init phase or an invocation ended.
 *
 * @param payload the response, or the error document
 * @param functionError null on success; else the type Lambda gives the failure: Runtime.UserException
 *     (the handler threw), Runtime.BadFunctionCode (init or handler failure), Runtime.ExitError (the
 *     runtime exited), Sandbox.Timedout, Function.ResponseSizeTooLarge
 * @param durationMs how long it ran
 * @param maxMemoryMb peak memory of the environment, in MB
 */
record Outcome(String payload, String functionError, double durationMs, int maxMemoryMb) {
  static final String USER_EXCEPTION = "Runtime.UserException";
  static final String BAD_FUNCTION_CODE = "Runtime.BadFunctionCode";
  static final String EXIT_ERROR = "Runtime.ExitError";
  static final String TIMED_OUT = "Sandbox.Timedout";
  static final String RESPONSE_TOO_LARGE = "Function.ResponseSizeTooLarge";

  boolean failed() {
    return functionError != null;
  }

  boolean timedOut() {
    return TIMED_OUT.equals(functionError);
  }

  /** True for failures Lambda itself raises and writes into the REPORT line ("Status: error"). */
  boolean platformError() {
    return EXIT_ERROR.equals(functionError) || RESPONSE_TOO_LARGE.equals(functionError);
  }
}
