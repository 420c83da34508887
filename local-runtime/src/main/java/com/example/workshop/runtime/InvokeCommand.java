package com.example.workshop.runtime;

import java.io.PrintStream;

/** {@code invoke}: runs one Java handler on one event, the way the Lambda Java runtime does. */
final class InvokeCommand {
  private InvokeCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    throw new UsageException("invoke is not built yet");
  }
}
