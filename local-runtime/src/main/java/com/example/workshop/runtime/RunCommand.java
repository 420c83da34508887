package com.example.workshop.runtime;

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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  @Mixin BindingOptions bindings = new BindingOptions();

  @Option(names = "--test-case", paramLabel = "NAME", description = "the mock file's test case to run")
  String testCase;

  @Mixin TaskAnswers answers = new TaskAnswers();

  @Option(names = "--state-machine-name", paramLabel = "N",
      description = "the name in ARNs and in the mock file (default: the definition file's name)")
  String stateMachineName;

  @Option(names = "--execution-name", paramLabel = "N", description = "(default: a random UUID)")
  String executionName;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;

  RunCommand(Streams io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    source.settings = bindings::apply;
    DefinitionOptions.Source def = source.load(io, "run");
    if (def.path() == null && def.app() == null) {
      throw new UsageException("--definition needs a file (the input may come from stdin)");
    }
    StateMachine machine;
    try {
      machine = def.path() != null ? StateMachine.load(def.path(), def.substitutions())
          : StateMachine.parse(def.text(), def.substitutions());
    } catch (DefinitionException e) {
      // one line, as validate says it: the file once, then each problem with its line
      StateNames names = StateNames.of(def.text());
      List<String> problems = new ArrayList<>();
      for (var d : e.diagnostics()) {
        problems.add(ValidateCommand.format(def, d, names).substring(def.name().length() + 1));
      }
      int n = problems.size();
      throw new UsageException(def.name() + " is not a valid state machine definition (" + n
          + (n == 1 ? " problem): line " : " problems): line ") + String.join("; line ", problems));
    } catch (RuntimeException e) {
      throw new UsageException("invalid definition " + def.name() + ": " + oneLine(e.getMessage()));
    }
    String inputJson = input == null ? "{}" : InputText.read(input, "input", io.in(), INPUT_LIMIT);
    answers.read(StateNames.of(def.text()).all(), io);
    if ((testCase != null) != (bindings.mockConfig != null)) {
      throw new UsageException("--mock-config and --test-case go together");
    }
    LocalStepFunctions.Builder b = bindings.builder(def.app(), source.template.file,
        def.app() == null ? List.of() : List.of(def.stateMachineId()));
    String machineName = stateMachineName != null ? stateMachineName
        : def.stateMachineId() != null ? def.stateMachineId() : null;
    if (bindings.mockConfig != null) {
      Path mock = InputText.path(bindings.mockConfig, "mock config");
      MockChecks.check(mock, testCase, machineName != null ? machineName : defaultName(def.path()), def.text());
      bindings.mockConfig(b, mock);
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
    bindings.checkHandlers(sfn.handlerProblems(), io);
    Execution ex;
    try {
      ex = answers.drive(sfn, sfn.startExecution(machine, inputJson, options));
    } catch (IllegalArgumentException e) {
      throw new UsageException(oneLine(e.getMessage()));
    }
    result.report(ex, io.out());
    return 0;
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

  static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ");
  }
}
