package com.example.workshop.runtime.lambda;

/**
 * The outcome of one invocation, as a synchronous Invoke call returns it.
 *
 * @param payload the response JSON, or the error document when the function failed
 * @param errorType the error document's errorType (what Step Functions reports as the error): the
 *     exception's class name (nested classes with {@code $}), {@code Sandbox.Timedout},
 *     {@code Runtime.ExitError}, ...; null on success, and null when the document has none (a
 *     handler string Lambda cannot resolve)
 * @param functionError null on success; else the type of failure Lambda records:
 *     {@code Runtime.UserException} (the handler threw), {@code Runtime.BadFunctionCode} (the handler
 *     cannot be loaded or its init failed), {@code Runtime.ExitError} (the runtime exited),
 *     {@code Sandbox.Timedout}, {@code Function.ResponseSizeTooLarge}
 */
public record Invocation(String requestId, String payload, String errorType, String functionError, Report report) {
  public boolean failed() {
    return functionError != null;
  }
}
