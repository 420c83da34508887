package com.example.workshop.runtime.sfn;

import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.asl.Limits;
import com.example.workshop.runtime.sfn.internal.engine.RunRecord;
import com.example.workshop.runtime.sfn.internal.engine.RunStatus;
import com.example.workshop.runtime.sfn.internal.engine.SavedExecution;
import com.example.workshop.runtime.sfn.internal.history.RecordedEvent;
import com.example.workshop.runtime.sfn.internal.render.ExecutionPath;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * An execution as it ended, or as it stood when read ({@link ExecutionHandle#snapshot()}, status
 * RUNNING): status, output or error/cause, history, the states it visited, and what DescribeExecution
 * says about it. An ended one can be saved, loaded again and redriven.
 */
public final class Execution {
  /** AWS redrives an execution at most 14 days after it ended. */
  static final Duration REDRIVABLE_PERIOD = Duration.ofDays(14);

  private final RunRecord record;
  private final StateMachine machine;
  /** The clock of the LocalStepFunctions that ran it: "now" for the redrive rules. */
  private final Clock clock;
  private volatile String output;
  private volatile List<HistoryEvent> history;

  Execution(RunRecord record, StateMachine machine, Clock clock) {
    this.record = record;
    this.machine = machine;
    this.clock = clock;
  }

  public ExecutionStatus status() {
    return ExecutionStatus.valueOf(record.status().name());
  }

  /** The output as JSON text; null unless SUCCEEDED. */
  public String output() {
    String o = output;
    if (o == null && record.output() != null) {
      o = Json.text(record.output());
      output = o;
    }
    return o;
  }

  /** The error name; null when SUCCEEDED or when a Fail state gave none (as on AWS). */
  public String error() {
    return record.error();
  }

  public String cause() {
    return record.cause();
  }

  public String executionArn() {
    return record.executionArn();
  }

  public String stateMachineArn() {
    return record.stateMachineArn();
  }

  /** The execution's name (the last part of its ARN). */
  public String name() {
    return record.executionName();
  }

  /** The input exactly as it was given. */
  public String input() {
    return record.inputText();
  }

  public Instant startDate() {
    return Instant.ofEpochMilli(record.startMillis());
  }

  /** When it ended; null while it runs. */
  public Instant stopDate() {
    return record.stopMillis() == null ? null : Instant.ofEpochMilli(record.stopMillis());
  }

  /** How many times it was redriven ({@code $$.Execution.RedriveCount}). */
  public int redriveCount() {
    return record.redriveCount();
  }

  /** When it was last redriven; null if never. */
  public Instant redriveDate() {
    return record.redriveMillis() == null ? null : Instant.ofEpochMilli(record.redriveMillis());
  }

  /** Tasks waiting for their task token (only while RUNNING), oldest first. */
  public List<PendingTask> pendingTasks() {
    return record.pending().stream()
        .map(p -> new PendingTask(p.stateName(), p.taskToken())).toList();
  }

  /** The definition it runs (a redrive runs it again). */
  public StateMachine stateMachine() {
    return machine;
  }

  /** Names of entered states in order, states inside Parallel branches and Map iterations included. */
  public List<String> visitedStates() {
    return record.visited();
  }

  public List<HistoryEvent> history() {
    List<HistoryEvent> h = history;
    if (h == null) {
      List<HistoryEvent> list = new ArrayList<>(record.events().size());
      for (RecordedEvent e : record.events()) {
        list.add(new HistoryEvent(e.id(), e.previousEventId(), Instant.ofEpochMilli(e.epochMillis()),
            e.type().awsName(), e.type().detailsName(), e.detailsNode()));
      }
      h = List.copyOf(list);
      history = h;
    }
    return h;
  }

  /** The history as GetExecutionHistory's {@code events} array (JSON text). */
  public String historyJson() {
    ArrayNode events = Json.NODES.arrayNode();
    for (HistoryEvent e : history()) {
      events.add(e.toJson());
    }
    return Json.text(events);
  }

  /** A readable table: id, elapsed time since start, state, event type, main detail. */
  public String historyTable() {
    return HistoryEvent.table(history());
  }

  /**
   * Why RedriveExecution would refuse it now (AWS's redriveStatusReason), or null when it can be
   * redriven: it must have ended FAILED, TIMED_OUT or ABORTED, at most 14 days ago, within a
   * year of its start, with room left in its history.
   */
  public String redriveStatusReason() {
    RunStatus s = record.status();
    if (s == RunStatus.RUNNING || s == RunStatus.SUCCEEDED) {
      return "Execution is " + s + " and cannot be redriven";
    }
    long now = clock.millis();
    if (now - record.stopMillis() > REDRIVABLE_PERIOD.toMillis()) {
      return "Execution redrivable period exceeded";
    }
    if (now - record.startMillis() > Limits.MAX_EXECUTION_MILLIS) {
      return "Execution has exceeded the max execution time";
    }
    if (record.events().size() >= Limits.HISTORY_EVENTS - 1) {
      return "Execution history event limit exceeded";
    }
    return null;
  }

  /** DescribeExecution's response (dates as epoch seconds, as the API's JSON protocol sends them). */
  public String describeJson() {
    ObjectNode d = Json.object();
    d.put("executionArn", record.executionArn());
    d.put("stateMachineArn", record.stateMachineArn());
    d.put("name", record.executionName());
    d.put("status", record.status().name());
    d.put("startDate", epochSeconds(record.startMillis()));
    if (record.stopMillis() != null) {
      d.put("stopDate", epochSeconds(record.stopMillis()));
    }
    d.put("input", record.inputText());
    d.putObject("inputDetails").put("included", true);
    if (output() != null) {
      d.put("output", output());
      d.putObject("outputDetails").put("included", true);
    }
    if (record.status() != RunStatus.TIMED_OUT) { // AWS describes a timed-out one without them
      if (record.error() != null) {
        d.put("error", record.error());
      }
      if (record.cause() != null) {
        d.put("cause", record.cause());
      }
    }
    d.put("redriveCount", record.redriveCount());
    if (record.redriveMillis() != null) {
      d.put("redriveDate", epochSeconds(record.redriveMillis()));
    }
    String reason = redriveStatusReason();
    d.put("redriveStatus", reason == null ? "REDRIVABLE" : "NOT_REDRIVABLE");
    if (reason != null) {
      d.put("redriveStatusReason", reason);
    }
    return Json.text(d);
  }

  private static BigDecimal epochSeconds(long millis) {
    return BigDecimal.valueOf(millis, 3);
  }

  /** Writes it to {@code file} (definition, input, outcome, history, where a redrive continues). */
  public void save(Path file) {
    JsonNode doc = SavedExecution.write(record, machine.definition(), machine.substitutions());
    try {
      Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc)
          + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads an execution {@link #save}d before.
   *
   * @throws IllegalArgumentException the file is missing, unreadable or not a saved execution
   */
  public static Execution load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": file not found");
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read it: " + e.getMessage());
    }
    try {
      SavedExecution.Loaded loaded = SavedExecution.read(Json.parse(text));
      StateMachine machine = StateMachine.parse(loaded.definition(), loaded.substitutions(),
          file.toString());
      return new Execution(loaded.record(), machine, Clock.systemUTC());
    } catch (DefinitionException e) {
      throw new IllegalArgumentException(file + ": its definition is not valid: "
          + e.getMessage().replaceAll("\\s*\\R\\s*", " "));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    }
  }

  RunRecord record() {
    return record;
  }

  /** What this execution did, for the diagram overlay. */
  ExecutionPath path() {
    return new ExecutionPath(record.visited(), new HashSet<>(record.failed()),
        new HashSet<>(record.retried()));
  }

  /** Status plus output or error/cause: what a failed assertion should show. */
  @Override
  public String toString() {
    String arn = record.executionArn();
    if (status() == ExecutionStatus.SUCCEEDED) {
      return "Execution[" + arn + " SUCCEEDED output=" + output() + "]";
    }
    return "Execution[" + arn + " " + status() + " error=" + record.error() + " cause="
        + record.cause() + " states=" + record.visited()
        + (record.pending().isEmpty() ? "" : " waiting=" + pendingTasks()) + "]";
  }
}
