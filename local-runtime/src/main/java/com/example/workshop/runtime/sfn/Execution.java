package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A finished execution: status, output or error/cause, history and the states it visited. */
public final class Execution {

  private final Run run;
  private volatile String output;
  private volatile List<HistoryEvent> history;

  Execution(Run run) {
    this.run = run;
  }

  public ExecutionStatus status() {
    return run.status;
  }

  /** The output as JSON text; null unless SUCCEEDED. */
  public String output() {
    String o = output;
    if (o == null && run.output != null) {
      o = Json.text(run.output);
      output = o;
    }
    return o;
  }

  /** The error name; null when SUCCEEDED or when a Fail state gave none (as on AWS). */
  public String error() {
    return run.error;
  }

  public String cause() {
    return run.cause;
  }

  public String executionArn() {
    return run.executionArn;
  }

  /** Names of entered states in order, states inside Parallel branches and Map iterations included. */
  public List<String> visitedStates() {
    return Collections.unmodifiableList(run.visited);
  }

  public List<HistoryEvent> history() {
    List<HistoryEvent> h = history;
    if (h == null) {
      List<HistoryEvent> list = new ArrayList<>(run.events.size());
      for (Event e : run.events) {
        list.add(e.toHistoryEvent());
      }
      h = Collections.unmodifiableList(list);
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
    return HistoryTable.format(history());
  }

  /** What this execution did, for the diagram overlay. */
  ExecutionPath path() {
    return new ExecutionPath(run.visited, new java.util.HashSet<>(run.failedStates),
        new java.util.HashSet<>(run.retriedStates));
  }

  /** Status plus output or error/cause: what a failed assertion should show. */
  @Override
  public String toString() {
    String arn = run.executionArn;
    if (run.status == ExecutionStatus.SUCCEEDED) {
      return "Execution[" + arn + " SUCCEEDED output=" + output() + "]";
    }
    return "Execution[" + arn + " " + run.status + " error=" + run.error + " cause=" + run.cause
        + " states=" + run.visited + "]";
  }
}
