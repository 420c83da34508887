package com.example.workshop.runtime.lambda;

/**
 * The outcome of one invocation, as a synchronous Invoke call returns it.
 *
 * @param payload the response JSON, or the error document when the function failed
 * @param errorType null on success; the exception's class name (nested classes with {@code $})
 *     when the handler threw; {@code Sandbox.Timedout} when it ran past its timeout
 */
public record Invocation(String requestId, String payload, String errorType, Report report) {
  public boolean failed() {
    return errorType != null;
  }
}
