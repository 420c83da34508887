package com.example.workshop.runtime;

import com.example.workshop.runtime.sfn.Execution;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import picocli.CommandLine.Option;

/** How {@code run} and {@code redrive} show and keep the execution: --json, --history, --save. */
final class ResultOptions {
  @Option(names = "--json", description = "print one JSON object: status, output or error and cause")
  boolean json;

  @Option(names = "--history", description = "with --json, add the history as GetExecutionHistory returns it")
  boolean history;

  @Option(names = "--save", paramLabel = "FILE",
      description = "write the execution (definition, input, history) to FILE, for redrive --execution")
  String save;

  /** Prints the execution, then writes {@code --save FILE}; an unwritable file is a usage error. */
  void report(Execution ex, PrintStream out) {
    RunCommand.print(ex, json, history, out);
    if (save != null) {
      try {
        ex.save(InputText.path(save, "--save"));
      } catch (UncheckedIOException e) {
        throw new UsageException("--save " + save + ": cannot write it: "
            + RunCommand.oneLine(e.getCause().getMessage()));
      }
    }
  }
}
