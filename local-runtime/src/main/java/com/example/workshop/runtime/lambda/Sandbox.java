package com.example.workshop.runtime.lambda;

import java.time.Duration;

/**
 * One execution environment of a function: its init phase once, then one invocation at a time.
 * {@link ThreadSandbox} runs it in this JVM, {@link ProcessSandbox} in a JVM of its own.
 */
interface Sandbox {

  /**
   * Runs the init phase (static initialisers, constructor) within {@code limit}, for the
   * invocation {@code requestId} that needs it.
   *
   * @return null when it succeeded, else how it failed
   */
  Outcome init(String requestId, Duration limit);

  /** True once the init phase has run (a warm environment). */
  boolean initialized();

  /** Milliseconds the init phase took (from the start of the runtime), once it has run. */
  double initMs();

  /** Runs one invocation; whatever the handler does comes back as an outcome, never as an exception. */
  Outcome invoke(String requestId, byte[] event, Duration timeout);

  /** False once the environment is gone (timed out, exited): the next invocation needs a new one. */
  boolean alive();

  void close();

  /** Creates environments for one function. */
  interface Factory {
    Sandbox create();
  }
}
