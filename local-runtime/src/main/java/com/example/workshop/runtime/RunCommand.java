package com.example.workshop.runtime;

import com.example.workshop.runtime.lambda.Isolation;
import com.example.workshop.runtime.lambda.LocalLambda;
import com.example.workshop.runtime.sam.SamApplication;
import com.example.workshop.runtime.sam.SamFunction;
import com.example.workshop.runtime.sfn.DefinitionException;
import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.ExecutionStatus;
import com.example.workshop.runtime.sfn.LocalStepFunctions;
import com.example.workshop.runtime.sfn.PendingTask;
import com.example.workshop.runtime.sfn.StartOptions;
import com.example.workshop.runtime.sfn.StateMachine;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code run}: executes a state machine definition locally. Exit 0 whenever the execution reached
 * a terminal status (whatever it is), 2 for an invalid definition, input or arguments.
 */
@Command(name = "run", sortOptions = false,
    description = "Run a state machine definition to its end, with Java handlers, fakes or mocks.",
    footer = {"", "Each --function runs in its own JVM, as on Lambda, with Lambda's defaults (3 s, 128 MB)",
        "unless its timeout (1 to 900) or memory (128 to 10240) is given.",
        "exit: 0 the execution ended (whatever its status) or waits only for unanswered task tokens (RUNNING),",
        "2 invalid definition, input or arguments"})
final class RunCommand implements Callable<Integer> {
  /** StartExecution's input length constraint, as AWS states it. */
  static final InputText.Limit INPUT_LIMIT = new InputText.Limit(262_144, "Step Functions rejects it:"
      + " ValidationException: 1 validation error detected: Value at 'input' failed to satisfy constraint:"
      + " Member must have length less than or equal to 262144");
  private static final JsonFactory JSON = new JsonFactory();

  private final Streams io;

  @Mixin DefinitionOptions source = new DefinitionOptions();

  @Option(names = "--input", paramLabel = "FILE|-",
      description = "the execution input, from a file or standard input (-); default {}; at most 256 KiB")
  String input;

  @Mixin ResultOptions result = new ResultOptions();

  @Option(names = "--clock", paramLabel = "virtual|real",
      description = "virtual (default): Wait and Retry take no real time; real: they do")
  String clock;

  @Option(names = "--mock-config", paramLabel = "FILE",
      description = "an AWS Step Functions Local mock file (with --test-case)")
  String mockConfig;

  @Option(names = "--test-case", paramLabel = "NAME", description = "the mock file's test case to run")
  String testCase;

  @Option(names = "--function", paramLabel = "NAME=pkg.Class::method[,timeout=SECONDS][,memory=MB]",
      description = "the Java handler answering for a function (name, ARN or substitution key)")
  List<String> functions = new ArrayList<>();

  @Mixin ClasspathOption classpath = new ClasspathOption();

  @Mixin TaskAnswers answers = new TaskAnswers();

  @Option(names = "--state-machine-name", paramLabel = "N",
      description = "the name in ARNs and in the mock file (default: the definition file's name)")
  String stateMachineName;

  @Option(names = "--execution-name", paramLabel = "N", description = "(default: a random UUID)")
  String executionName;

  @Option(names = "--account", paramLabel = "ID", description = "the account in ARNs (default 123456789012)")
  String account;

  @Option(names = "--region", paramLabel = "R", description = "the region in ARNs (default us-east-1)")
  String region;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;

  RunCommand(Streams io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    source.settings = app -> {
      SamApplication a = app;
      a = region != null ? a.withRegion(region) : a;
      return account != null ? a.withAccountId(account) : a;
    };
    DefinitionOptions.Source def = source.load(io, "run");
    if (def.path() == null) {
      throw new UsageException("--definition needs a file (the input may come from stdin)");
    }
    StateMachine machine;
    try {
      machine = StateMachine.load(def.path(), def.substitutions());
    } catch (DefinitionException e) {
      String message = oneLine(e.getMessage());
      StateNames names = StateNames.of(def.text());
      for (var d : e.diagnostics()) {
        String said = d.message() + " at " + d.location();
        message = message.replace(said, said + names.suggestion(d));
      }
      throw new UsageException("invalid definition " + def.name() + ": " + message);
    } catch (RuntimeException e) {
      throw new UsageException("invalid definition " + def.name() + ": " + oneLine(e.getMessage()));
    }
    String inputJson = input == null ? "{}" : InputText.read(input, "input", io.in(), INPUT_LIMIT);
    answers.read(StateNames.of(def.text()).all(), io);
    if ((testCase != null) != (mockConfig != null)) {
      throw new UsageException("--mock-config and --test-case go together");
    }
    LocalStepFunctions.Builder b = LocalStepFunctions.builder();
    clock(clock, b);
    if (account != null) {
      option("--account", () -> b.accountId(account));
    }
    if (region != null) {
      option("--region", () -> b.region(region));
    }
    List<Path> code = classpath.paths();
    if (!code.isEmpty()) {
      b.classLoader(classLoader(code));
    }
    b.isolation(Isolation.PROCESS);
    Map<String, SamFunction> fromTemplate = def.app() == null ? Map.of() : bindTemplateFunctions(def, b, code);
    Map<String, String> handlers = bindFunctions(functions, b);
    String machineName = stateMachineName != null ? stateMachineName
        : def.stateMachineId() != null ? def.stateMachineId() : null;
    if (mockConfig != null) {
      Path mock = InputText.path(mockConfig, "mock config");
      MockChecks.check(mock, testCase, machineName != null ? machineName : defaultName(def.path()), def.text());
      try {
        b.mockConfig(mock);
      } catch (IllegalArgumentException e) {
        throw new UsageException(oneLine(e.getMessage()));
      }
    }
    StartOptions options = StartOptions.defaults()
        .withStateMachineName(machineName)
        .withExecutionName(executionName)
        .withTestCase(testCase);
    LocalStepFunctions sfn;
    try {
      sfn = b.build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(oneLine(e.getMessage()));
    }
    for (Map.Entry<String, String> p : sfn.handlerProblems().entrySet()) {
      String name = p.getKey();
      SamFunction f = fromTemplate.get(name);
      if (f != null && !handlers.containsKey(name)) {
        throw new UsageException(source.template + ": function " + f.logicalId() + ": Handler " + f.handler() + ": "
            + p.getValue() + HandlerSuggestions.forHandler(f.handler(), templateClasspath.get(f.logicalId())));
      }
      io.err().println("hint: function " + name + ": " + p.getValue()
          + (handlers.containsKey(name) ? HandlerSuggestions.forHandler(handlers.get(name), code) : ""));
    }
    Execution ex;
    try {
      ex = answers.drive(sfn, sfn.startExecution(machine, inputJson, options));
    } catch (IllegalArgumentException e) {
      throw new UsageException(oneLine(e.getMessage()));
    }
    result.report(ex, io.out());
    return 0;
  }

  /** {@code --clock virtual|real}; null keeps the default (virtual). */
  static void clock(String clock, LocalStepFunctions.Builder b) {
    if (clock != null) {
      switch (clock) {
        case "virtual" -> b.virtualTime();
        case "real" -> b.realTime();
        default -> throw new UsageException("--clock takes 'virtual' or 'real', got '" + clock + "'");
      }
    }
  }

  /** Binds each {@code --function NAME=spec}; returns the handler of each name. */
  static Map<String, String> bindFunctions(List<String> functions, LocalStepFunctions.Builder b) {
    Map<String, String> handlers = new LinkedHashMap<>();
    for (String f : functions) {
      int eq = f.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("--function takes NAME=pkg.Class::method[,timeout=SECONDS][,memory=MB], got '"
            + f + "'");
      }
      String name = f.substring(0, eq);
      if (handlers.containsKey(name)) {
        throw new UsageException("--function " + name + " is given twice; bind each function once");
      }
      String spec = f.substring(eq + 1);
      handlers.put(name, spec.split(",")[0].trim());
      b.function(name, function(spec));
    }
    return handlers;
  }

  private final Map<String, List<Path>> templateClasspath = new LinkedHashMap<>();

  /**
   * Binds every function the state machine's DefinitionSubstitutions refer to, by substitution key
   * and by logical id, with the template's handler, timeout, memory and environment, and its code
   * from CodeUri unless --classpath is given. Returns the functions by every name they are bound to.
   */
  private Map<String, SamFunction> bindTemplateFunctions(DefinitionOptions.Source def, LocalStepFunctions.Builder b,
      List<Path> classpathOption) {
    Map<String, SamFunction> functions = def.app().functions();
    CodePackages packages = new CodePackages(Path.of(source.template));
    Map<String, SamFunction> bound = new LinkedHashMap<>();
    Map<String, LocalLambda.Builder> builders = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : def.app().functionSubstitutions(def.stateMachineId()).entrySet()) {
      SamFunction f = functions.get(e.getValue());
      LocalLambda.Builder lambda = builders.computeIfAbsent(f.logicalId(), id -> {
        List<Path> cp = classpathOption.isEmpty() ? packages.classpath(id, f.codeUri(), source.template)
            : classpathOption;
        templateClasspath.put(id, cp);
        LocalLambda.Builder l = LocalLambda.builder(f.handler()).isolation(Isolation.PROCESS)
            .timeout(Duration.ofSeconds(f.timeoutSeconds())).memoryMb(f.memoryMb()).classpath(cp);
        try {
          f.environment().forEach(l::environment);
        } catch (IllegalArgumentException ex) {
          throw new UsageException(source.template + ": function " + id + ": " + ex.getMessage());
        }
        return l;
      });
      for (String name : List.of(e.getKey(), f.logicalId())) {
        b.function(name, lambda);
        bound.put(name, f);
      }
    }
    return bound;
  }

  /** The history table and the result, or with {@code json} one JSON object. */
  static void print(Execution ex, boolean json, boolean history, PrintStream out) {
    if (json) {
      out.println(json(ex, history));
      return;
    }
    out.print(ex.historyTable());
    out.println();
    out.println("status: " + ex.status());
    if (ex.status() == ExecutionStatus.SUCCEEDED) {
      out.println("output: " + ex.output());
    } else if (ex.status() == ExecutionStatus.RUNNING) {
      for (PendingTask t : ex.pendingTasks()) {
        out.println("waiting: " + t.stateName() + " for its task token " + t.taskToken()
            + " (answer it with --task-success " + t.stateName() + "=FILE or --task-failure "
            + t.stateName() + "=ERROR[:CAUSE])");
      }
    } else {
      if (ex.error() != null) {
        out.println("error:  " + ex.error());
      }
      if (ex.cause() != null) {
        out.println("cause:  " + ex.cause());
      }
    }
  }

  /**
   * {@code {"status":..,"output":..}} or {@code {"status":..,"error":..,"cause":..}}, plus history.
   * The output and the history are copied as the engine wrote them, never parsed again.
   */
  static String json(Execution ex, boolean history) {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(text)) {
      g.writeStartObject();
      g.writeStringField("status", ex.status().name());
      if (ex.status() == ExecutionStatus.SUCCEEDED) {
        g.writeFieldName("output");
        g.writeRawValue(ex.output());
      } else if (ex.status() == ExecutionStatus.RUNNING) {
        g.writeArrayFieldStart("pendingTasks");
        for (PendingTask t : ex.pendingTasks()) {
          g.writeStartObject();
          g.writeStringField("stateName", t.stateName());
          g.writeStringField("taskToken", t.taskToken());
          g.writeEndObject();
        }
        g.writeEndArray();
      } else {
        if (ex.error() != null) {
          g.writeStringField("error", ex.error());
        }
        if (ex.cause() != null) {
          g.writeStringField("cause", ex.cause());
        }
      }
      if (history) {
        g.writeFieldName("history");
        g.writeRawValue(ex.historyJson());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** A setting the engine checks as AWS does: its refusal is a usage error naming the option. */
  private static void option(String name, Runnable set) {
    try {
      set.run();
    } catch (IllegalArgumentException e) {
      throw new UsageException(name + ": " + e.getMessage());
    }
  }

  static ClassLoader classLoader(List<Path> classpath) {
    List<URL> urls = new ArrayList<>();
    for (Path p : classpath) {
      try {
        urls.add(p.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new UsageException("--classpath entry is not usable: " + p);
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), RunCommand.class.getClassLoader());
  }

  /** {@code statemachine/order.asl.json} → {@code order}, as the engine names an unnamed machine. */
  static String defaultName(Path definition) {
    String name = definition.getFileName().toString();
    for (String suffix : new String[] {".asl.json", ".asl.yaml", ".json"}) {
      if (name.endsWith(suffix)) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name;
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

  static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ");
  }
}
