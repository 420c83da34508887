package com.example.workshop.runtime;

import com.example.workshop.runtime.lambda.Architecture;
import com.example.workshop.runtime.lambda.Invocation;
import com.example.workshop.runtime.lambda.Isolation;
import com.example.workshop.runtime.lambda.LocalLambda;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The function a handler runs as, the same for {@code invoke} and {@code scale}: its code, its
 * environment, memory, timeout and architecture, with Lambda's ranges and defaults. Each handler
 * runs in an execution environment of its own (a separate JVM).
 */
final class FunctionOptions {
  @Mixin ClasspathOption classpath = new ClasspathOption();

  @Option(names = "--env", paramLabel = "KEY=VALUE",
      description = "an environment variable of the function (repeat for more)")
  Map<String, String> env = new LinkedHashMap<>();

  @Option(names = "--memory", paramLabel = "MB", defaultValue = "128",
      description = "memory size, 128 to 10240 (default 128); the JVM's heap is 85%% of it")
  String memory;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "3",
      description = "timeout, 1 to 900 (default 3)")
  String timeout;

  @Option(names = "--architecture", paramLabel = "ARCH",
      description = "x86_64 or arm64, for the price per GB-second (default x86_64)")
  String architecture;

  int memoryMb() {
    return InvokeCommand.whole("--memory", memory, 128, 10240);
  }

  int timeoutSeconds() {
    return InvokeCommand.whole("--timeout", timeout, 1, 900);
  }

  /** {@code handler} as a function with these settings, its logs going to {@code logs}. */
  LocalLambda.Builder function(String handler, PrintStream logs) {
    LocalLambda.Builder b = LocalLambda.builder(handler).isolation(Isolation.PROCESS).memoryMb(memoryMb())
        .timeout(Duration.ofSeconds(timeoutSeconds())).logSink(logs).classpath(classpath.paths());
    try {
      env.forEach(b::environment);
      if (architecture != null) {
        b.architecture(Architecture.fromId(architecture));
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return b;
  }

  /** The response or error document on stdout; for a failure, Lambda's error type on stderr. */
  static void print(Invocation result, Streams io) {
    io.out().println(result.payload());
    io.out().flush();
    if (result.failed()) {
      io.err().println("FunctionError: Unhandled (" + result.functionError() + ")");
    }
  }
}
