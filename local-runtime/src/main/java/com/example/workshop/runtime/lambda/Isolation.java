package com.example.workshop.runtime.lambda;

/** Where a function's execution environments run. */
public enum Isolation {
  /**
   * Each execution environment is a JVM of its own, as each runs in its own sandbox on Lambda: the
   * memory size caps the heap, a timeout ends the process, {@code System.exit} ends only that
   * environment, environment variables are set. The command line uses this.
   */
  PROCESS,
  /**
   * Execution environments share this JVM: much faster to start, the same results for handlers that
   * return or throw, but {@code System.exit} ends this JVM, memory is not capped, environment
   * variables cannot be set, and a timed-out handler's thread is only interrupted.
   */
  THREAD
}
