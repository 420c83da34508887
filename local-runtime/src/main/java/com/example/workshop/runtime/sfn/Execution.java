package com.example.workshop.runtime.sfn;

import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.engine.ExecutionRun;
import com.example.workshop.runtime.sfn.internal.history.RecordedEvent;
import com.example.workshop.runtime.sfn.internal.render.ExecutionPath;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** A finished execution: status, output or error/cause, history and the states it visited. */
public final class Execution {

  private final ExecutionRun run;
  private volatile String output;
  private volatile List<HistoryEvent> history;

  Execution(ExecutionRun run) {
    this.run = run;
  }

  public ExecutionStatus status() {
    return ExecutionStatus.valueOf(run.status().name());
  }

  /** The output as JSON text; null unless SUCCEEDED. */
  public String output() {
    String o = output;
    if (o == null && run.output() != null) {
      o = Json.text(run.output());
      output = o;
    }
    return o;
  }

  /** The error name; null when SUCCEEDED or when a Fail state gave none (as on AWS). */
  public String error() {
    return run.error();
  }

  public String cause() {
    return run.cause();
  }

  public String executionArn() {
    return run.executionArn();
  }

  /** Names of entered states in order, states inside Parallel branches and Map iterations included. */
  public List<String> visitedStates() {
    return run.visitedStates();
  }

  public List<HistoryEvent> history() {
    List<HistoryEvent> h = history;
    if (h == null) {
      List<HistoryEvent> list = new ArrayList<>(run.events().size());
      for (RecordedEvent e : run.events()) {
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

  /** What this execution did, for the diagram overlay. */
  ExecutionPath path() {
    return new ExecutionPath(run.visitedStates(), new HashSet<>(run.failedStates()),
        new HashSet<>(run.retriedStates()));
  }

  /** Status plus output or error/cause: what a failed assertion should show. */
  @Override
  public String toString() {
    String arn = run.executionArn();
    if (status() == ExecutionStatus.SUCCEEDED) {
      return "Execution[" + arn + " SUCCEEDED output=" + output() + "]";
    }
    return "Execution[" + arn + " " + status() + " error=" + run.error() + " cause="
        + run.cause() + " states=" + run.visitedStates() + "]";
  }
}
