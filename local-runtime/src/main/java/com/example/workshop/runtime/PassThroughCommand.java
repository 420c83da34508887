package com.example.workshop.runtime;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** A command that parses its own arguments (bench and conformance, which move to the tools module). */
@Command
final class PassThroughCommand implements Callable<Integer> {
  interface Runner {
    int run(String[] args, PrintStream out, PrintStream err);
  }

  private final Runner runner;
  private final Streams io;

  @Parameters(arity = "0..*", paramLabel = "ARGS")
  List<String> args = new ArrayList<>();

  PassThroughCommand(Runner runner, Streams io) {
    this.runner = runner;
    this.io = io;
  }

  @Override
  public Integer call() {
    return runner.run(args.toArray(String[]::new), io.out(), io.err());
  }
}
