package com.example.workshop.runtime;

import com.example.workshop.runtime.lambda.Architecture;
import com.example.workshop.runtime.lambda.InvalidHandlerException;
import com.example.workshop.runtime.lambda.Invocation;
import com.example.workshop.runtime.lambda.LocalLambda;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code invoke}: runs one Java handler on one event, the way the Lambda Java runtime does.
 * stdout gets the response (or the error document); stderr gets the function's logs, the REPORT
 * line and the cost. Exit 0 when the handler returned, 1 when it threw or timed out, 2 on bad
 * arguments or unreadable input.
 */
final class InvokeCommand {
  static final String USAGE =
      """
      usage: java -jar local-runtime.jar invoke --handler H --event FILE|- [options]

        --handler H          pkg.Class::method or pkg.Class, as in template.yaml
        --event FILE|-       the event JSON, from a file or from standard input (-)
        --classpath CP       where the handler's classes live: folders and jars, separated by '%s'
                             (dir/* adds every jar in dir); default: this jar only
        --memory MB          memory size, 128 to 10240 (default 128)
        --timeout SECONDS    timeout, 1 to 900 (default 3)
        --function-name NAME (default: the handler's class name)
        --architecture ARCH  x86_64 or arm64, for the price per GB-second (default x86_64)

      stdout: the response JSON, or the error document when the handler fails
      stderr: logs, the REPORT line and the cost of the invocation
      exit:   0 returned, 1 threw or timed out, 2 bad arguments or unreadable input"""
          .formatted(File.pathSeparator);

  private static final Set<String> VALUED = Set.of("--handler", "--event", "--classpath", "--memory",
      "--timeout", "--function-name", "--architecture");

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
    String event = Args.readText(eventFile, "event", System.in);

    LocalLambda.Builder builder = LocalLambda.builder(handler).memoryMb(memory)
        .timeout(Duration.ofSeconds(timeout)).logSink(err);
    if (a.has("--classpath")) {
      builder.classLoader(new URLClassLoader(classpath(a.get("--classpath")), InvokeCommand.class.getClassLoader()));
    }
    try {
      if (a.has("--function-name")) {
        builder.functionName(a.get("--function-name"));
      }
      if (a.has("--architecture")) {
        builder.architecture(Architecture.fromId(a.get("--architecture")));
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }

    LocalLambda function;
    try {
      function = builder.build();
    } catch (InvalidHandlerException e) {
      throw new UsageException(e.getMessage());
    }
    Invocation result;
    PrintStream stdout = System.out;
    System.setOut(err); // the handler's System.out is log output, as on Lambda
    try {
      result = function.invoke(event);
    } catch (IllegalArgumentException e) {
      throw new UsageException((eventFile.equals("-") ? "standard input" : eventFile) + ": " + e.getMessage());
    } finally {
      System.setOut(stdout);
    }
    out.println(result.payload());
    out.flush();
    return result.failed() ? 1 : 0;
  }

  /** Folders and jars separated by the platform's path separator; {@code dir/*} means its jars. */
  static URL[] classpath(String spec) {
    List<URL> urls = new ArrayList<>();
    for (String entry : spec.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      try {
        if (entry.endsWith("/*") || entry.endsWith("\\*")) {
          Path dir = Path.of(entry.substring(0, entry.length() - 2));
          if (!Files.isDirectory(dir)) {
            throw new UsageException("classpath folder not found: " + dir);
          }
          try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*.jar")) {
            List<Path> sorted = new ArrayList<>();
            jars.forEach(sorted::add);
            sorted.sort(null); // lexical order, like the Lambda runtime's lib/ folder
            for (Path jar : sorted) {
              urls.add(jar.toUri().toURL());
            }
          }
        } else {
          Path p = Path.of(entry);
          if (!Files.exists(p)) {
            throw new UsageException("classpath entry not found: " + entry);
          }
          urls.add(p.toUri().toURL());
        }
      } catch (MalformedURLException e) {
        throw new UsageException("bad classpath entry '" + entry + "': " + e.getMessage());
      } catch (IOException e) {
        throw new UsageException("cannot read classpath folder '" + entry + "': " + e.getMessage());
      }
    }
    if (urls.isEmpty()) {
      throw new UsageException("--classpath is empty");
    }
    return urls.toArray(URL[]::new);
  }
}
