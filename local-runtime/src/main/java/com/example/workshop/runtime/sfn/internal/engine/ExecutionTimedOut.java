package com.example.workshop.runtime.sfn.internal.engine;

/** The machine's TimeoutSeconds passed: the execution ends TIMED_OUT, nothing catches it. */
final class ExecutionTimedOut extends RuntimeException {
  ExecutionTimedOut() {
    super("execution timed out", null, false, false);
  }
}
