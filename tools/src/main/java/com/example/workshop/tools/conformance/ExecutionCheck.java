package com.example.workshop.tools.conformance;

import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.HistoryEvent;
import com.example.workshop.runtime.sfn.LocalStepFunctions;
import com.example.workshop.runtime.sfn.StartOptions;
import com.example.workshop.runtime.sfn.StateMachine;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An execution case: the definition runs on the input with the file's Lambda functions as fakes,
 * in the account, region, role and names the recording used, on a virtual clock; then status,
 * error, cause, output and history are compared (see {@link Expected}).
 */
final class ExecutionCheck implements CaseCheck {
  static final String ACCOUNT = "111111111111";
  static final String REGION = "us-east-1";
  static final String ROLE = "snf_role_arn";
  /**
   * The recordings mask these names as {@code <ArnPart_0idx>} and {@code <ExecArnPart_0idx>},
   * which AWS would refuse as names; the files are read with the brackets dropped.
   */
  static final String MACHINE = "ArnPart_0idx";
  static final String EXECUTION = "ExecArnPart_0idx";

  private final boolean strictHistory;

  /** {@code strictHistory}: compare event ids and details too, not only the event types. */
  ExecutionCheck(boolean strictHistory) {
    this.strictHistory = strictHistory;
  }

  /** The engine as the recording's account, region and role had it, with the file's Lambda fakes. */
  static LocalStepFunctions.Builder engine(VectorFile file) {
    LocalStepFunctions.Builder engine = LocalStepFunctions.builder().accountId(ACCOUNT)
        .region(REGION).roleArn(ROLE).randomSeed(7)
        .clock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
    LambdaFakes.bind(engine, file.doc().path("lambdas"));
    return engine;
  }

  /** The state machine and execution names the recordings show. */
  static StartOptions options() {
    return StartOptions.defaults().withStateMachineName(MACHINE).withExecutionName(EXECUTION);
  }

  @Override
  public String check(VectorFile file, JsonNode c) {
    StateMachine machine = StateMachine.parse(c.path("definition").toString(), Map.of());
    return compare(c, engine(file).build().start(machine, c.path("input").toString(), options()));
  }

  /** Null when {@code ex} matches the case's expected outcome and history, else what differs. */
  String compare(JsonNode c, Execution ex) {
    String outcome = outcome(c.path("expected"), ex);
    if (outcome != null) {
      return outcome;
    }
    if (!c.has("history")) {
      return null;
    }
    return c.path("history_parallel_normalized").asBoolean(false)
        ? eventCounts(c.get("history"), ex.history()) : history(c.get("history"), ex.history());
  }

  private static String outcome(JsonNode expected, Execution ex) {
    String status = expected.path("status").asText();
    if (!status.equals(ex.status().name())) {
      return "status " + ex.status() + " (error " + ex.error() + ", cause " + ex.cause()
          + "), expected " + status;
    }
    if (status.equals("SUCCEEDED")) {
      JsonNode actual = Expected.parseOrNull(ex.output());
      return Expected.matches(expected.path("output"), actual) ? null
          : "output " + actual + ", expected " + expected.path("output");
    }
    String wantError = expected.has("error") ? expected.get("error").asText() : null;
    if (wantError == null ? ex.error() != null : !wantError.equals(ex.error())) {
      return "error " + ex.error() + ", expected " + wantError;
    }
    if (expected.has("cause")) {
      if (ex.cause() == null || !Expected.causeMatches(expected.get("cause").asText(), ex.cause())) {
        return "cause " + ex.cause() + ", expected " + expected.get("cause").asText();
      }
    } else if (expected.has("cause_json")) {
      JsonNode actual = ex.cause() == null ? null : Expected.parseOrNull(ex.cause());
      JsonNode want = expected.get("cause_json");
      if (actual == null || !want.path("errorType").equals(actual.path("errorType"))
          || !want.path("errorMessage").equals(actual.path("errorMessage"))) {
        return "cause " + ex.cause() + ", expected " + want;
      }
    } else if (!expected.has("error") && ex.cause() != null) {
      return "cause " + ex.cause() + ", expected none";
    }
    return null;
  }

  private String history(JsonNode recorded, List<HistoryEvent> events) {
    List<String> want = new ArrayList<>();
    recorded.forEach(e -> want.add(e.path("type").asText()));
    List<String> got = events.stream().map(HistoryEvent::type).toList();
    if (!want.equals(got)) {
      return "history " + got + ", expected " + want;
    }
    if (!strictHistory) {
      return null;
    }
    List<String> wantIds = new ArrayList<>();
    recorded.forEach(e -> wantIds.add(e.path("id").asText() + "<-"
        + e.path("previousEventId").asText()));
    List<String> gotIds = events.stream().map(e -> e.id() + "<-" + e.previousEventId()).toList();
    if (!wantIds.equals(gotIds)) {
      return "event ids " + gotIds + ", expected " + wantIds;
    }
    for (int i = 0; i < want.size(); i++) {
      JsonNode w = recorded.get(i);
      HistoryEvent e = events.get(i);
      String name = e.detailsName();
      JsonNode wantDetails = name == null ? null : w.get(name);
      JsonNode gotDetails = e.details() == null ? null : Expected.snapshotForm(e.details());
      boolean same = wantDetails == null ? gotDetails == null || gotDetails.isEmpty()
          : gotDetails != null && Expected.matches(wantDetails, gotDetails);
      if (!same && !(name == null && hasNoDetails(w))) {
        return "event " + (i + 1) + " " + e.type() + " details " + gotDetails + ", expected " + w;
      }
    }
    return null;
  }

  /**
   * A history the recording normalised (Parallel branch events sorted, ids lost, Parallel end
   * events dropped, nested ones too): the same events counted by type, Parallel* events aside.
   */
  private static String eventCounts(JsonNode recorded, List<HistoryEvent> events) {
    Map<String, Integer> want = new TreeMap<>();
    recorded.forEach(e -> count(want, e.path("type").asText()));
    Map<String, Integer> got = new TreeMap<>();
    events.forEach(e -> count(got, e.type()));
    return want.equals(got) ? null : "event counts " + got + ", expected " + want;
  }

  private static void count(Map<String, Integer> counts, String type) {
    if (!type.startsWith("ParallelState")) {
      counts.merge(type, 1, Integer::sum);
    }
  }

  private static boolean hasNoDetails(JsonNode event) {
    for (Iterator<String> it = event.fieldNames(); it.hasNext(); ) {
      if (it.next().endsWith("EventDetails")) {
        return false;
      }
    }
    return true;
  }
}
