package com.example.workshop.runtime;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Command-line entry point of {@code local-runtime.jar}. Exit codes are a contract shared by all
 * subcommands: 0 done, 1 the handler or execution failed where that is the answer, 2 bad
 * arguments or unreadable input (one line on stderr, never a stack trace).
 */
public final class Main {

  static final String USAGE =
      """
      usage: java -jar local-runtime.jar <command> [options]

      commands:
        invoke     --handler H --event FILE|- [--classpath CP] [--memory MB] [--timeout SECONDS] [--function-name NAME]
        validate   FILE [--substitution KEY=VALUE]... [--json]
        run        --definition FILE [--input FILE|-] [--json] [--history] [--clock virtual|real] ...
        diagram    --definition FILE [--substitution KEY=VALUE]... [--markdown]
        aws-run    --state-machine-arn ARN [--input FILE|-] [--endpoint-url URL] [--region R]  (needs AWS or LocalStack)

      Run a command with --help for all of its options.""";

  private Main() {}

  public static void main(String[] args) {
    // Jayway JsonPath logs through SLF4J; without a provider SLF4J prints three warning lines.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    // JSON is UTF-8 whatever the platform's default charset (events and responses carry any text).
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    System.setOut(out);
    System.setErr(err);
    System.exit(run(args, out, err));
  }

  /** Runs one command and returns its exit code; never calls System.exit (tests call this). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      (args.length == 0 ? err : out).println(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try {
      return switch (args[0]) {
        case "invoke" -> InvokeCommand.run(rest, out, err);
        case "validate" -> ValidateCommand.run(rest, out, err);
        case "diagram" -> DiagramCommand.run(rest, out, err);
        case "run" -> RunCommand.run(rest, out, err);
        case "aws-run" -> AwsRunCommand.run(rest, out, err);
        default -> throw new UsageException("unknown command '" + args[0] + "'. " + firstLine());
      };
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
  }

  private static String firstLine() {
    return "Commands: invoke, validate, run, diagram, aws-run (see --help).";
  }
}
