package com.example.workshop.runtime;

import com.example.workshop.runtime.lambda.Architecture;
import com.example.workshop.runtime.lambda.Invocation;
import com.example.workshop.runtime.lambda.Isolation;
import com.example.workshop.runtime.lambda.LocalLambda;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * {@code invoke}: runs one Java handler on one event, the way the Lambda Java runtime does, in an
 * execution environment of its own (a separate JVM). stdout gets the response (or the error
 * document); stderr gets the function's logs, the REPORT line and the cost. Exit 0 when the handler
 * returned, 1 when the invocation failed, 2 on bad arguments or unreadable input.
 */
final class InvokeCommand {
  static final String USAGE =
      """
      usage: java -jar local-runtime.jar invoke --handler H --event FILE|- [options]

        --handler H          pkg.Class::method or pkg.Class, as in template.yaml
        --event FILE|-       the event JSON, from a file or from standard input (-); at most 6 MB
        --classpath CP       where the handler's classes live: folders and jars, separated by '%s'
                             (dir/* adds every jar in dir); default: this jar only
        --env KEY=VALUE      an environment variable of the function (repeat for more)
        --memory MB          memory size, 128 to 10240 (default 128); the JVM's heap is 85%% of it
        --timeout SECONDS    timeout, 1 to 900 (default 3)
        --function-name NAME (default: the handler's class name)
        --architecture ARCH  x86_64 or arm64, for the price per GB-second (default x86_64)

      stdout: the response JSON, or the error document when the invocation fails
      stderr: logs, the REPORT line, the cost and, on failure, Lambda's error type
      exit:   0 returned, 1 failed (threw, timed out, exited), 2 bad arguments or unreadable input"""
          .formatted(File.pathSeparator);

  private static final Set<String> VALUED = Set.of("--handler", "--event", "--classpath", "--memory",
      "--timeout", "--function-name", "--architecture", "--env");

  private InvokeCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    Args a = Args.parse(args, VALUED, Set.of("--help"));
    if (a.has("--help")) {
      out.println(USAGE);
      return 0;
    }
    if (!a.positionals().isEmpty()) {
      throw new UsageException("unexpected argument '" + a.positionals().get(0) + "' (see invoke --help)");
    }
    String handler = a.require("--handler");
    String eventFile = a.require("--event");
    int memory = a.intOption("--memory", 128, 128, 10240);
    int timeout = a.intOption("--timeout", 3, 1, 900);
    LocalLambda.Builder builder = LocalLambda.builder(handler).isolation(Isolation.PROCESS).memoryMb(memory)
        .timeout(Duration.ofSeconds(timeout)).logSink(err);
    if (a.has("--classpath")) {
      builder.classpath(classpath(a.get("--classpath")));
    }
    try {
      for (Map.Entry<String, String> e : a.keyValues("--env").entrySet()) {
        builder.environment(e.getKey(), e.getValue());
      }
      if (a.has("--function-name")) {
        builder.functionName(a.get("--function-name"));
      }
      if (a.has("--architecture")) {
        builder.architecture(Architecture.fromId(a.get("--architecture")));
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    String event = Args.readText(eventFile, "event", System.in);

    try {
      LocalLambda.checkEvent(event);
    } catch (IllegalArgumentException e) {
      throw new UsageException((eventFile.equals("-") ? "standard input" : eventFile) + ": " + e.getMessage());
    }
    LocalLambda function = builder.build();
    function.handlerProblem().ifPresent(p -> err.println("hint: " + p));
    Invocation result;
    try {
      result = function.invoke(event);
    } finally {
      function.close();
    }
    out.println(result.payload());
    out.flush();
    if (result.failed()) {
      err.println("FunctionError: Unhandled (" + result.functionError() + ")");
      return 1;
    }
    return 0;
  }

  /** Folders and jars separated by the platform's path separator; {@code dir/*} means its jars. */
  static List<Path> classpath(String spec) {
    List<Path> paths = new ArrayList<>();
    for (String entry : spec.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      if (entry.endsWith("/*") || entry.endsWith("\\*")) {
        Path dir = Path.of(entry.substring(0, entry.length() - 2));
        if (!Files.isDirectory(dir)) {
          throw new UsageException("classpath folder not found: " + dir);
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*.jar")) {
          List<Path> sorted = new ArrayList<>();
          jars.forEach(sorted::add);
          sorted.sort(null); // lexical order, like the Lambda runtime's lib/ folder
          sorted.forEach(jar -> paths.add(checkedJar(jar)));
        } catch (IOException e) {
          throw new UsageException("cannot read classpath folder '" + entry + "': " + e.getMessage());
        }
      } else {
        Path p = Path.of(entry);
        if (!Files.exists(p)) {
          throw new UsageException("classpath entry not found: " + entry);
        }
        paths.add(Files.isDirectory(p) ? p : checkedJar(p));
      }
    }
    if (paths.isEmpty()) {
      throw new UsageException("--classpath is empty");
    }
    return paths;
  }

  private static Path checkedJar(Path file) {
    try (JarFile jar = new JarFile(file.toFile())) {
      return file;
    } catch (IOException e) {
      throw new UsageException("classpath entry " + file + " is neither a folder nor a jar file"
          + " (a jar or zip of classes, or a folder such as target/classes)");
    }
  }
}
