package com.example.workshop.runtime.endpoint;

import com.example.workshop.runtime.sfn.Execution;
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
import java.util.function.Consumer;

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
        started.attach(engines.forRole(s.machine.roleArn()).startExecution(s.machine.compiled(), s.input,
            options(started.machine, started.name, s.testCase)), workers, ended(started.machine)));
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
    Execution result;
    try {
      result = engines.forRole(s.machine.roleArn()).start(s.machine.compiled(), s.input,
          options(s.machine, s.name, s.testCase));
    } catch (RuntimeException ex) {
      throw ApiError.internal("Internal error in local-runtime: " + ex);
    }
    ended(s.machine).accept(result);
    Instant stopped = StoredExecution.stopDate(started, result);
    ObjectNode out = Responses.object();
    out.put("executionArn", result.executionArn());
    out.set("startDate", Responses.date(started));
    if (!sync) {
      return out;
    }
    out.put("stateMachineArn", s.machine.arn());
    out.put("name", s.name);
    out.set("stopDate", Responses.date(stopped));
    out.put("status", result.status().name());
    if (result.error() != null) {
      out.put("error", result.error());
    }
    if (result.cause() != null) {
      out.put("cause", result.cause());
    }
    out.put("input", s.input);
    out.putObject("inputDetails").put("included", true);
    if (result.output() != null) {
      out.put("output", result.output());
    }
    out.putObject("outputDetails").put("included", true);
    long ms = Duration.between(started, stopped).toMillis();
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
    Execution now = e.current();
    out.put("redriveCount", now.redriveCount());
    if (now.redriveDate() != null) {
      out.set("redriveDate", Responses.date(e.startDate.plus(Duration.between(now.startDate(), now.redriveDate()))));
    }
    String reason = now.redriveStatusReason();
    out.put("redriveStatus", reason == null ? "REDRIVABLE" : "NOT_REDRIVABLE");
    if (reason != null) {
      out.put("redriveStatusReason", reason);
    }
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
        .filter(e -> redrive == null || redrive.equals("REDRIVEN") == (e.current().redriveCount() > 0))
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
      item.put("redriveCount", e.current().redriveCount());
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

  static StartOptions options(StoredMachine machine, String executionName, String testCase) {
    return StartOptions.defaults().withStateMachineName(machine.name()).withExecutionName(executionName)
        .withTestCase(testCase).withType(machine.type());
  }

  /** What happens when an execution of {@code machine} ends: its log events are written. */
  Consumer<Execution> ended(StoredMachine machine) {
    return done -> log.ended(done.executionArn(), machine, done.history());
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
