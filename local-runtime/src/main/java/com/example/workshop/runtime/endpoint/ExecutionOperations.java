package com.example.workshop.runtime.endpoint;

import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.LocalStepFunctions;
import com.example.workshop.runtime.sfn.StartOptions;
import com.example.workshop.runtime.sfn.StateMachineType;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * StartExecution, StartSyncExecution, DescribeExecution and ListExecutions. A Standard execution
 * runs on a worker thread: StartExecution answers at once and DescribeExecution shows RUNNING until
 * the engine is done. Express executions are not kept (AWS keeps none either): StartSyncExecution
 * answers with the result, StartExecution with the ARN, and the log shows what happened.
 */
final class ExecutionOperations {
  static final List<String> STATUSES =
      List.of("SUCCEEDED", "TIMED_OUT", "PENDING_REDRIVE", "ABORTED", "FAILED", "RUNNING");
  private static final JsonFactory JSON = new JsonFactory();
  /** An Express execution runs at most five minutes; a sync caller is answered by then. */
  private static final Duration EXPRESS_LIMIT = Duration.ofMinutes(5);

  private final Registry registry;
  private final Engines engines;
  private final ExecutorService workers;
  private final ExecutionLog log;
  private final Clock clock;

  ExecutionOperations(Registry registry, Engines engines, ExecutorService workers, ExecutionLog log, Clock clock) {
    this.registry = registry;
    this.engines = engines;
    this.workers = workers;
    this.log = log;
    this.clock = clock;
  }

  ObjectNode start(Request r) {
    Start s = read(r);
    if (s.machine.type() == StateMachineType.EXPRESS) {
      // Express: the engine makes the ARN's last part, so the run ends before the answer (see docs).
      return express(s, false);
    }
    String arn = registry.arns.execution(s.machine.name(), s.name);
    StoredExecution e = registry.start(arn, s.name, s.machine, s.input, clock.instant(), started ->
        workers.execute(() -> execute(started, s.testCase)));
    ObjectNode out = Responses.object();
    out.put("executionArn", e.arn);
    out.set("startDate", Responses.date(e.startDate));
    return out;
  }

  ObjectNode startSync(Request r) {
    r.choice("includedData", List.of("ALL_DATA", "METADATA_ONLY"));
    Start s = read(r);
    if (s.machine.type() != StateMachineType.EXPRESS) {
      throw ApiError.typeNotSupported();
    }
    return express(s, true);
  }

  private ObjectNode express(Start s, boolean sync) {
    Instant started = clock.instant();
    StoredExecution e = new StoredExecution(0, null, s.name, s.machine, s.input, started);
    Execution result = execute(e, s.testCase);
    if (result == null) {
      throw ApiError.internal(e.cause());
    }
    ObjectNode out = Responses.object();
    out.put("executionArn", result.executionArn());
    out.set("startDate", Responses.date(started));
    if (!sync) {
      return out;
    }
    out.put("stateMachineArn", s.machine.arn());
    out.put("name", s.name);
    out.set("stopDate", Responses.date(e.stopDate()));
    out.put("status", e.status());
    if (e.error() != null) {
      out.put("error", e.error());
    }
    if (e.cause() != null) {
      out.put("cause", e.cause());
    }
    out.put("input", s.input);
    out.putObject("inputDetails").put("included", true);
    if (e.output() != null) {
      out.put("output", e.output());
    }
    out.putObject("outputDetails").put("included", true);
    long ms = Duration.between(started, e.stopDate()).toMillis();
    ObjectNode billing = out.putObject("billingDetails");
    billing.put("billedMemoryUsedInMB", 64);
    billing.put("billedDurationInMilliseconds", Math.max(100, (ms + 99) / 100 * 100));
    return out;
  }

  ObjectNode describe(Request r) {
    String arn = r.text("executionArn", true, 1, 256);
    r.choice("includedData", List.of("ALL_DATA", "METADATA_ONLY"));
    r.check();
    Arns.requireExecution(arn);
    StoredExecution e = registry.execution(arn);
    ObjectNode out = Responses.object();
    out.put("executionArn", e.arn);
    out.put("stateMachineArn", e.machine.arn());
    out.put("name", e.name);
    out.put("status", e.status());
    out.set("startDate", Responses.date(e.startDate));
    if (e.stopDate() != null) {
      out.set("stopDate", Responses.date(e.stopDate()));
    }
    out.put("input", e.input);
    out.putObject("inputDetails").put("included", true);
    if (e.output() != null) {
      out.put("output", e.output());
      out.putObject("outputDetails").put("included", true);
    }
    if (e.error() != null) {
      out.put("error", e.error());
    }
    if (e.cause() != null) {
      out.put("cause", e.cause());
    }
    out.put("redriveCount", 0);
    out.put("redriveStatus", "NOT_REDRIVABLE");
    out.put("redriveStatusReason", switch (e.status()) {
      case "RUNNING", "SUCCEEDED" -> "Execution is " + e.status() + " and cannot be redriven";
      default -> "RedriveExecution is not supported by local-runtime yet";
    });
    return out;
  }

  ObjectNode list(Request r) {
    String machineArn = r.text("stateMachineArn", false, 1, 256);
    String status = r.choice("statusFilter", STATUSES);
    Integer max = r.integer("maxResults", 0, 1000);
    String token = r.text("nextToken", false, 1, 3096);
    String mapRun = r.text("mapRunArn", false, 1, 2000);
    String redrive = r.choice("redriveFilter", List.of("REDRIVEN", "NOT_REDRIVEN"));
    r.check();
    if (mapRun != null) {
      throw ApiError.unsupported("ListExecutions with mapRunArn",
          "a distributed Map runs in-process in local-runtime, without child executions");
    }
    if (machineArn == null) {
      throw ApiError.validation("ListExecutions needs a stateMachineArn");
    }
    StoredMachine m = registry.machine(Arns.stateMachineArn(machineArn));
    if (m.type() == StateMachineType.EXPRESS) {
      throw ApiError.typeNotSupported();
    }
    List<StoredExecution> all = registry.executionsOf(m.arn()).stream()
        .filter(e -> status == null || status.equals(e.status()))
        .filter(e -> !"REDRIVEN".equals(redrive))
        .toList();
    Pages.Page<StoredExecution> page = Pages.of(all, e -> Pages.numberKey(Long.MAX_VALUE - e.sequence),
        "ListExecutions:" + m.arn(), token, max);
    ObjectNode out = Responses.object();
    ArrayNode items = out.putArray("executions");
    for (StoredExecution e : page.items()) {
      ObjectNode item = items.addObject();
      item.put("executionArn", e.arn);
      item.put("stateMachineArn", m.arn());
      item.put("name", e.name);
      item.put("status", e.status());
      item.set("startDate", Responses.date(e.startDate));
      if (e.stopDate() != null) {
        item.set("stopDate", Responses.date(e.stopDate()));
      }
      item.put("redriveCount", 0);
    }
    if (page.nextToken() != null) {
      out.put("nextToken", page.nextToken());
    }
    return out;
  }

  /** What StartExecution and StartSyncExecution were asked, checked. */
  private record Start(StoredMachine machine, String name, String input, String testCase) {}

  private Start read(Request r) {
    String raw = r.text("stateMachineArn", true, 1, 256);
    String name = r.text("name", false, 1, 80);
    String input = r.sensitive("input", false, 0, 262_144);
    r.text("traceHeader", false, 0, 256);
    r.check();
    Names.check(name);
    StoredMachine machine = registry.machine(Arns.stateMachineArn(raw));
    String testCase = Arns.testCase(raw);
    String text = input == null ? "{}" : input;
    checkInput(text);
    if (testCase != null) {
      try {
        engines.forRole(machine.roleArn()).checkTestCase(machine.name(), testCase);
      } catch (IllegalArgumentException e) {
        throw ApiError.validation("Mock test case " + testCase + ": " + e.getMessage());
      }
    }
    return new Start(machine, name != null ? name : UUID.randomUUID().toString(), text, testCase);
  }

  /**
   * Runs to the end on this thread; the outcome is in {@code e} and in the log. Returns null when
   * the engine itself failed (then {@code e} is FAILED with States.Runtime and the reason).
   */
  private Execution execute(StoredExecution e, String testCase) {
    LocalStepFunctions engine = engines.forRole(e.machine.roleArn());
    StartOptions options = StartOptions.defaults().withStateMachineName(e.machine.name())
        .withExecutionName(e.name).withTestCase(testCase).withType(e.machine.type());
    Execution result;
    try {
      result = engine.start(e.machine.compiled(), e.input, options);
    } catch (RuntimeException ex) {
      e.crashed(ex);
      return null;
    }
    e.finished(result);
    log.ended(result.executionArn(), e.machine, result.history());
    return result;
  }

  /** StartExecution's input: one JSON value; otherwise InvalidExecutionInput with the parser's words. */
  static void checkInput(String input) {
    if (input.isBlank()) {
      throw invalidInput("Invalid execution input.");
    }
    try (JsonParser p = JSON.createParser(input)) {
      p.nextToken();
      p.skipChildren();
      if (p.nextToken() != null) {
        throw invalidInput("Unexpected content after the JSON value at line "
            + p.currentTokenLocation().getLineNr() + ", column " + p.currentTokenLocation().getColumnNr());
      }
    } catch (JsonProcessingException e) {
      throw invalidInput(e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ApiError invalidInput(String why) {
    return new ApiError("InvalidExecutionInput", "Invalid State Machine Execution Input: '" + why + "'");
  }
}
