package com.example.workshop.runtime;

import com.example.workshop.runtime.lambda.Invocation;
import com.example.workshop.runtime.lambda.LocalLambda;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code invoke}: runs one Java handler on one event, the way the Lambda Java runtime does, in an
 * execution environment of its own (a separate JVM). stdout gets the response (or the error
 * document); stderr gets the function's logs, the REPORT line and the cost. Exit 0 when the handler
 * returned, 1 when the invocation failed, 2 on bad arguments or unreadable input.
 */
@Command(name = "invoke", sortOptions = false,
    description = "Run a Java Lambda handler on one event, in an execution environment of its own.",
    footer = {"", "stdout: the response JSON, or the error document when the invocation fails",
        "stderr: logs, the REPORT line, the cost and, on failure, Lambda's error type",
        "exit:   0 returned, 1 failed (threw, timed out, exited), 2 bad arguments or unreadable input"})
final class InvokeCommand implements Callable<Integer> {
  /** Lambda's synchronous request limit, 6 MB. */
  static final InputText.Limit EVENT_LIMIT = new InputText.Limit(6_291_456,
      "Lambda accepts at most 6291456 bytes (6 MB) for a synchronous invocation");

  private final Streams io;

  @Option(names = "--handler", required = true, paramLabel = "H",
      description = "pkg.Class::method or pkg.Class, as in template.yaml")
  String handler;

  @Option(names = "--event", required = true, paramLabel = "FILE|-",
      description = "the event JSON, from a file or from standard input (-); at most 6 MB")
  String event;

  @Mixin FunctionOptions function = new FunctionOptions();

  @Option(names = "--function-name", paramLabel = "NAME", description = "(default: the handler's class name)")
  String functionName;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;

  InvokeCommand(Streams io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    LocalLambda.Builder builder = function.function(handler, io.err());
    if (functionName != null) {
      try {
        builder.functionName(functionName);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    String eventJson = InputText.read(event, "event", io.in(), EVENT_LIMIT);
    try {
      LocalLambda.checkEvent(eventJson);
    } catch (IllegalArgumentException e) {
      throw new UsageException((event.equals("-") ? "standard input" : event) + ": " + e.getMessage());
    }
    LocalLambda lambda = builder.build();
    lambda.handlerProblem().ifPresent(p -> io.err().println("hint: " + p
        + HandlerSuggestions.forHandler(handler, function.classpath.paths())));
    Invocation result;
    try {
      result = lambda.invoke(eventJson);
    } finally {
      lambda.close();
    }
    FunctionOptions.print(result, io);
    return result.failed() ? 1 : 0;
  }

  /** A whole number option within Lambda's range. */
  static int whole(String name, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n < min || n > max) {
        throw new UsageException(name + " must be between " + min + " and " + max + ", got " + value);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be a whole number, got '" + value + "'");
    }
  }
}
