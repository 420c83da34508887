package com.example.workshop.runtime.sfn.internal.engine;

/** StopExecution arrived: the execution ends ABORTED with this error and cause (either may be null). */
final class ExecutionStopped extends RuntimeException {
  final String error;
  final String cause;

  ExecutionStopped(String error, String cause) {
    super("execution stopped", null, false, false);
    this.error = error;
    this.cause = cause;
  }
}
