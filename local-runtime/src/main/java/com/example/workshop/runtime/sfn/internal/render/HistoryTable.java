package com.example.workshop.runtime.sfn.internal.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The readable history table: id, elapsed since the first event, state, event type, main detail.
 * It works from the events alone, so an offline execution and one read back from AWS (aws-run)
 * print the same way.
 */
public final class HistoryTable {
  private static final int DETAIL_WIDTH = 100;

  /** One event as the table reads it; {@code type} as GetExecutionHistory spells it. */
  public record Row(long id, long previousEventId, long epochMillis, String type,
      JsonNode details) {}

  private HistoryTable() {}

  public static String format(List<Row> events) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"id", "elapsed", "state", "event", "detail"});
    Map<Long, String> stateOf = new HashMap<>();
    Deque<String> containers = new ArrayDeque<>();
    long start = events.isEmpty() ? 0 : events.get(0).epochMillis();
    for (Row e : events) {
      String state = stateName(e, stateOf, containers);
      stateOf.put(e.id(), state);
      rows.add(new String[] {Long.toString(e.id()), elapsed(e.epochMillis() - start),
          state, e.type(), detail(e.details())});
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
        sb.append(pad(r[i], width[i], i < 2)).append("  ");
      }
      sb.append(r[4].strip()).append('\n');
    }
    return sb.toString();
  }

  /**
   * Entered/Exited events name their state; execution-level events have none; Map and Parallel
   * progress events belong to the innermost open Map or Parallel state; every other event belongs
   * to the state of the event it follows (previousEventId).
   */
  private static String stateName(Row e, Map<Long, String> stateOf, Deque<String> containers) {
    String type = e.type();
    if (type.startsWith("Execution")) {
      return "";
    }
    JsonNode d = e.details();
    if (type.equals("EvaluationFailed") && d != null && d.has("state")) {
      return d.get("state").asText(); // its previousEventId points before the state (as on AWS)
    }
    boolean container = type.startsWith("MapState") || type.startsWith("ParallelState");
    if ((type.endsWith("StateEntered") || type.endsWith("StateExited")) && d != null && d.has("name")) {
      String name = d.get("name").asText();
      if (container && type.endsWith("StateEntered")) {
        containers.push(name);
      } else if (container && name.equals(containers.peek())) {
        containers.pop();
      }
      return name;
    }
    if ((container || type.startsWith("MapIteration")) && !containers.isEmpty()) {
      return containers.peek();
    }
    return stateOf.getOrDefault(e.previousEventId(), "");
  }

  private static String pad(String s, int width, boolean right) {
    String spaces = " ".repeat(width - s.length());
    return right ? spaces + s : s + spaces;
  }

  private static String elapsed(long millis) {
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.3fs", millis / 1000.0);
    }
    long s = Duration.ofMillis(millis).toSeconds();
    return String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, (s / 60) % 60, s % 60);
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
      text = d.size() == 0 ? "" : d.toString();
    }
    text = text.strip().replaceAll("\\s*\\n\\s*", " ");
    return text.length() > DETAIL_WIDTH ? text.substring(0, DETAIL_WIDTH - 3) + "..." : text;
  }
}
