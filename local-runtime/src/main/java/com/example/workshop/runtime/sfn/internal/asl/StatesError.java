package com.example.workshop.runtime.sfn.internal.asl;

/**
 * A Step Functions error as it appears in the execution history: an error name ({@code
 * States.Runtime}, {@code States.IntrinsicFailure}, a Lambda {@code errorType}, ...) and a cause.
 * The error output a catcher sees ({@code {"Error": ..., "Cause": ...}}) has a Cause only when
 * there is one, unless {@link #withOutputCause} says what it shows: AWS shows {@code ""} for a
 * task's timeout and {@code null} for a SendTaskFailure without a cause.
 */
public final class StatesError extends RuntimeException {
  private final String error;
  private final String cause;
  private final boolean outputCauseSet;
  private final String outputCause;

  public StatesError(String error, String cause) {
    this(error, cause, false, null);
  }

  private StatesError(String error, String cause, boolean outputCauseSet, String outputCause) {
    super(error + ": " + cause, null, false, false);
    this.error = error;
    this.cause = cause;
    this.outputCauseSet = outputCauseSet;
    this.outputCause = outputCause;
  }

  /** The same error whose error output shows {@code "Cause": outputCause} (null included). */
  public StatesError withOutputCause(String outputCause) {
    return new StatesError(error, cause, true, outputCause);
  }

  public String error() {
    return error;
  }

  public String cause() {
    return cause;
  }

  /** True when the error output has a Cause: {@link #outputCause()} (may be null). */
  public boolean hasOutputCause() {
    return outputCauseSet || cause != null;
  }

  public String outputCause() {
    return outputCauseSet ? outputCause : cause;
  }
}
