package com.example.workshop.runtime;

import com.example.workshop.runtime.lambda.Isolation;
import com.example.workshop.runtime.lambda.LocalLambda;
import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.ExecutionStatus;
import com.example.workshop.runtime.sfn.LocalStepFunctions;
import com.example.workshop.runtime.sfn.StartOptions;
import com.example.workshop.runtime.sfn.StateMachine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code run}: executes a state machine definition locally. Exit 0 whenever the execution reached
 * a terminal status (whatever it is), 2 for an invalid definition, input or arguments.
 */
final class RunCommand {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final String USAGE = """
      usage: run --definition FILE [--input FILE|-] [--json] [--history] [--clock virtual|real]
                 [--mock-config FILE --test-case NAME]
                 [--function NAME=pkg.Class::method[,timeout=SECONDS][,memory=MB]]...
                 [--classpath CP] [--substitution KEY=VALUE]... [--state-machine-name N]
                 [--execution-name N] [--account ID] [--region R]

      Each --function runs in its own JVM, as on Lambda, with Lambda's defaults (3 s, 128 MB)
      unless its timeout (1 to 900) or memory (128 to 10240) is given.""";

  private RunCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, System.in, out, err);
  }

  static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
    Args a = Args.parse(args,
        Set.of("--definition", "--input", "--clock", "--mock-config", "--test-case", "--function",
            "--classpath", "--substitution", "--state-machine-name", "--execution-name",
            "--account", "--region"),
        Set.of("--json", "--history", "--help"));
    if (a.has("--help")) {
      out.println(USAGE);
      return 0;
    }
    if (!a.positionals().isEmpty()) {
      throw new UsageException("run takes no positional arguments (got '"
          + a.positionals().get(0) + "'); use --definition FILE");
    }
    String definitionFile = a.require("--definition");
    Map<String, String> substitutions = a.keyValues("--substitution");
    if (definitionFile.equals("-")) {
      throw new UsageException("--definition needs a file (the input may come from stdin)");
    }
    if (!Files.isRegularFile(Path.of(definitionFile))) {
      throw new UsageException("definition file not found: " + definitionFile);
    }
    StateMachine machine;
    try {
      machine = StateMachine.load(Path.of(definitionFile), substitutions);
    } catch (RuntimeException e) {
      throw new UsageException("invalid definition " + definitionFile + ": "
          + oneLine(e.getMessage()));
    }
    String input = a.has("--input") ? Args.readText(a.get("--input"), "input", stdin) : "{}";
    if (a.has("--test-case") != a.has("--mock-config")) {
      throw new UsageException("--mock-config and --test-case go together");
    }
    LocalStepFunctions.Builder b = LocalStepFunctions.builder();
    String clock = a.get("--clock");
    if (clock != null) {
      switch (clock) {
        case "virtual" -> b.virtualTime();
        case "real" -> b.realTime();
        default -> throw new UsageException("--clock takes 'virtual' or 'real', got '" + clock
            + "'");
      }
    }
    if (a.has("--account")) {
      b.accountId(a.get("--account"));
    }
    if (a.has("--region")) {
      b.region(a.get("--region"));
    }
    if (a.has("--classpath")) {
      b.classLoader(classLoader(a.get("--classpath")));
    }
    b.isolation(Isolation.PROCESS);
    Set<String> functions = new java.util.HashSet<>();
    for (String f : a.all("--function")) {
      int eq = f.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("--function takes NAME=pkg.Class::method[,timeout=SECONDS][,memory=MB], got '"
            + f + "'");
      }
      String name = f.substring(0, eq);
      if (!functions.add(name)) {
        throw new UsageException("--function " + name + " is given twice; bind each function once");
      }
      b.function(name, function(f.substring(eq + 1)));
    }
    if (a.has("--mock-config")) {
      Path mock = Path.of(a.get("--mock-config"));
      if (!Files.isRegularFile(mock)) {
        throw new UsageException("mock config file not found: " + mock);
      }
      try {
        b.mockConfig(mock);
      } catch (IllegalArgumentException e) {
        throw new UsageException(oneLine(e.getMessage()));
      }
    }
    StartOptions options = StartOptions.defaults()
        .withStateMachineName(a.get("--state-machine-name"))
        .withExecutionName(a.get("--execution-name"))
        .withTestCase(a.get("--test-case"));
    LocalStepFunctions sfn = b.build();
    sfn.handlerProblems().forEach((name, problem) -> err.println("hint: function " + name + ": " + problem));
    Execution ex;
    try {
      ex = sfn.start(machine, input, options);
    } catch (IllegalArgumentException e) {
      throw new UsageException(oneLine(e.getMessage()));
    }
    if (a.has("--json")) {
      out.println(json(ex, a.has("--history")));
    } else {
      out.print(ex.historyTable());
      out.println();
      out.println("status: " + ex.status());
      if (ex.status() == ExecutionStatus.SUCCEEDED) {
        out.println("output: " + ex.output());
      } else {
        if (ex.error() != null) {
          out.println("error:  " + ex.error());
        }
        if (ex.cause() != null) {
          out.println("cause:  " + ex.cause());
        }
      }
    }
    return 0;
  }

  /** {@code {"status":..,"output":..}} or {@code {"status":..,"error":..,"cause":..}}, plus history. */
  static String json(Execution ex, boolean history) {
    ObjectNode result = MAPPER.createObjectNode();
    result.put("status", ex.status().name());
    try {
      if (ex.status() == ExecutionStatus.SUCCEEDED) {
        result.set("output", MAPPER.readTree(ex.output()));
      } else {
        if (ex.error() != null) {
          result.put("error", ex.error());
        }
        if (ex.cause() != null) {
          result.put("cause", ex.cause());
        }
      }
      if (history) {
        JsonNode events = MAPPER.readTree(ex.historyJson());
        result.set("history", events);
      }
      return MAPPER.writeValueAsString(result);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ClassLoader classLoader(String classpath) {
    List<URL> urls = new ArrayList<>();
    for (Path p : InvokeCommand.classpath(classpath)) {
      try {
        urls.add(p.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new UsageException("--classpath entry is not usable: " + p);
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), RunCommand.class.getClassLoader());
  }

  /** {@code pkg.Class::method[,timeout=SECONDS][,memory=MB]}: a handler with its function's settings. */
  static LocalLambda.Builder function(String spec) {
    String[] parts = spec.split(",");
    LocalLambda.Builder lambda = LocalLambda.builder(parts[0].trim()).isolation(Isolation.PROCESS);
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].split("=", 2);
      String key = kv[0].trim();
      String value = kv.length == 2 ? kv[1].trim() : "";
      try {
        switch (key) {
          case "timeout" -> lambda.timeout(Duration.ofSeconds(Long.parseLong(value)));
          case "memory" -> lambda.memoryMb(Integer.parseInt(value));
          default -> throw new UsageException("--function " + spec + ": unknown setting '" + key
              + "'; use timeout=SECONDS or memory=MB");
        }
      } catch (NumberFormatException e) {
        throw new UsageException("--function " + spec + ": " + key + " must be a whole number, got '" + value + "'");
      } catch (IllegalArgumentException e) {
        throw new UsageException("--function " + spec + ": " + e.getMessage());
      }
    }
    return lambda;
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ");
  }
}
