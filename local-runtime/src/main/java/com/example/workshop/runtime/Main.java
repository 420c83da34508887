package com.example.workshop.runtime;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Command-line entry point of {@code local-runtime.jar}. Exit codes are a contract shared by all
 * subcommands: 0 done, 1 the handler or execution failed where that is the answer, 2 bad
 * arguments or unreadable input (one line on stderr, never a stack trace).
 */
@Command(name = "java -jar local-runtime.jar",
    description = "Run AWS Lambda Java handlers and Step Functions state machines on this machine, offline.",
    footer = {"", "Run a command with --help for all of its options."})
public final class Main implements Callable<Integer> {
  private final Streams io;
  private CommandLine commandLine;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;

  private Main(Streams io) {
    this.io = io;
  }

  public static void main(String[] args) {
    // JSON is UTF-8 whatever the platform's default charset (events and responses carry any text).
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    System.setOut(out);
    System.setErr(err);
    System.exit(run(args, System.in, out, err));
  }

  /** Runs one command and returns its exit code; never calls System.exit (tests call this). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, System.in, out, err);
  }

  /** Runs one command with {@code in} as its standard input. */
  static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    Streams io = new Streams(in, out, err);
    // Only the command asked for is modelled (reflection over its options costs start-up time);
    // without a known command, all of them, for the overview and the suggestions.
    String only = args.length > 0 && COMMANDS.contains(args[0]) ? args[0] : null;
    return commandLine(io, only).execute(args);
  }

  /** The commands, in the order the overview lists them. */
  private static final List<String> COMMANDS =
      List.of("invoke", "scale", "validate", "run", "redrive", "test-state", "diagram", "aws-run",
          "serve");

  /** A switch rather than a map of lambdas: each lambda would cost start-up time. */
  private static Object command(String name, Streams io) {
    return switch (name) {
      case "invoke" -> new InvokeCommand(io);
      case "scale" -> new ScaleCommand(io);
      case "validate" -> new ValidateCommand(io);
      case "run" -> new RunCommand(io);
      case "redrive" -> new RedriveCommand(io);
      case "diagram" -> new DiagramCommand(io);
      case "test-state" -> new TestStateCommand(io);
      case "serve" -> new ServeCommand(io);
      default -> new AwsRunCommand(io);
    };
  }

  static CommandLine commandLine(Streams io, String only) {
    Main top = new Main(io);
    CommandLine cli = new CommandLine(top);
    for (String name : COMMANDS) {
      if (only == null || only.equals(name)) {
        cli.addSubcommand(name, command(name, io));
      }
    }
    top.commandLine = cli;
    cli.setExpandAtFiles(false)
        .setOut(new PrintWriter(io.out(), true))
        .setErr(new PrintWriter(io.err(), true))
        .setUsageHelpWidth(100)
        .setParameterExceptionHandler((e, args) -> usageError(message(e), io))
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          if (e instanceof UsageException) {
            return usageError(e.getMessage(), io);
          }
          throw e;
        });
    return cli;
  }

  /** Without a command: the overview on stderr, exit 2. */
  @Override
  public Integer call() {
    commandLine.usage(io.err());
    return 2;
  }

  private static int usageError(String message, Streams io) {
    io.err().println("error: " + message);
    io.err().flush();
    return 2;
  }

  /** picocli's parse errors, said the way the rest of the CLI says things, with a suggestion. */
  static String message(ParameterException e) {
    CommandLine cmd = e.getCommandLine();
    boolean top = cmd.getParent() == null;
    String help = top ? " (see --help)" : " (see " + cmd.getCommandName() + " --help)";
    // An unknown option explains a missing one (--evnt for --event): report it first.
    List<String> unmatched = e instanceof UnmatchedArgumentException u ? u.getUnmatched() : cmd.getUnmatchedArguments();
    if (!unmatched.isEmpty()) {
      String first = unmatched.get(0);
      if (top && !first.startsWith("-")) {
        return "unknown command '" + first + "'"
            + Suggestions.closest(first, cmd.getSubcommands().keySet()).map(c -> "; did you mean " + c + "?")
                .orElse(help);
      }
      if (first.startsWith("-")) {
        String name = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
        return "unknown option '" + name + "'"
            + Suggestions.closest(name, cmd.getCommandSpec().optionsMap().keySet())
                .map(o -> "; did you mean " + o + "?").orElse(help);
      }
      return "unexpected argument '" + first + "'" + help;
    }
    if (e instanceof MissingParameterException m) {
      return "missing required option " + m.getMissing().stream().map(Main::name)
          .collect(Collectors.joining(", ")) + help;
    }
    if (e instanceof OverwrittenOptionException o) {
      return "option " + name(o.getOverwritten()) + " is given more than once; give it once";
    }
    String text = e.getMessage().replaceAll("\\s*\\R\\s*", " ");
    return text.replaceFirst("^Value for option option '([^']*)' \\(.*\\) should be in KEY=VALUE format but was (.*)$",
        "$1 takes KEY=VALUE, got '$2'");
  }

  private static String name(ArgSpec spec) {
    return spec instanceof OptionSpec o ? o.longestName() : spec.paramLabel();
  }
}
