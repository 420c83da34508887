package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A finished execution: status, output or error/cause, history and the states it visited. */
public final class Execution {
  private static final int DETAIL_WIDTH = 100;

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
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"id", "elapsed", "state", "event", "detail"});
    for (Event e : run.events) {
      HistoryEvent h = e.toHistoryEvent();
      rows.add(new String[] {Long.toString(e.id), elapsed(e.epochMillis - run.startMillis()),
          e.stateName == null ? "" : e.stateName, e.type, detail(h.details())});
    }
    int[] width = new int[5];
    for (String[] r : rows) {
      for (int i = 0; i < 4; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] r : rows) {
      for (int i = 0; i < 4; i++) {
        sb.append(i == 0 || i == 1 ? pad(r[i], width[i], true) : pad(r[i], width[i], false))
            .append("  ");
      }
      sb.append(r[4].strip()).append('\n');
    }
    return sb.toString();
  }

  private static String pad(String s, int width, boolean right) {
    String spaces = " ".repeat(width - s.length());
    return right ? spaces + s : s + spaces;
  }

  private static String elapsed(long millis) {
    if (millis < 60_000) {
      return String.format(java.util.Locale.ROOT, "%.3fs", millis / 1000.0);
    }
    long s = millis / 1000;
    return String.format(java.util.Locale.ROOT, "%dh%02dm%02ds", s / 3600, (s / 60) % 60, s % 60);
  }

  private static String detail(JsonNode d) {
    if (d == null) {
      return "";
    }
    String text;
    if (d.has("error") || d.has("cause")) {
      text = d.path("error").asText("") + (d.has("cause") ? ": " + d.get("cause").asText() : "");
    } else if (d.has("output")) {
      text = "output " + d.get("output").asText();
    } else if (d.has("input")) {
      text = "input " + d.get("input").asText();
    } else if (d.has("parameters")) {
      text = "parameters " + d.get("parameters").asText();
    } else if (d.has("index")) {
      text = "index " + d.get("index").asText();
    } else if (d.has("length")) {
      text = "length " + d.get("length").asText();
    } else {
      text = d.size() == 0 ? "" : Json.text(d);
    }
    text = text.replace('\n', ' ');
    return text.length() > DETAIL_WIDTH ? text.substring(0, DETAIL_WIDTH - 3) + "..." : text;
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
