package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.history.EventType;
import com.example.workshop.runtime.sfn.internal.history.RecordedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ended (or running) execution as a JSON document: the definition it ran (with a digest, so an
 * edited definition is noticed), its substitutions, input, outcome, history in GetExecutionHistory's
 * shape, and where a redrive continues. What {@code run --save} writes and {@code redrive} reads.
 */
public final class SavedExecution {
  static final String FORMAT = "local-runtime saved execution";
  static final int VERSION = 1;

  /** The parts a file holds besides the record. */
  public record Loaded(RunRecord record, String definition, Map<String, String> substitutions) {}

  private SavedExecution() {}

  public static ObjectNode write(RunRecord r, JsonNode definition,
      Map<String, String> substitutions) {
    ObjectNode o = Json.object();
    o.put("format", FORMAT);
    o.put("version", VERSION);
    o.put("stateMachineName", r.stateMachineName());
    o.put("executionName", r.executionName());
    o.put("executionArn", r.executionArn());
    o.put("stateMachineArn", r.stateMachineArn());
    putIfSet(o, "testCase", r.testCase());
    o.set("definition", definition);
    o.put("definitionSha256", sha256(Json.text(definition)));
    ObjectNode subs = o.putObject("substitutions");
    substitutions.forEach(subs::put);
    o.put("input", r.inputText());
    o.put("status", r.status().name());
    if (r.output() != null) {
      o.set("output", r.output());
    }
    putIfSet(o, "error", r.error());
    putIfSet(o, "cause", r.cause());
    o.put("startDate", Instant.ofEpochMilli(r.startMillis()).toString());
    if (r.stopMillis() != null) {
      o.put("stopDate", Instant.ofEpochMilli(r.stopMillis()).toString());
    }
    o.put("redriveCount", r.redriveCount());
    if (r.redriveMillis() != null) {
      o.put("redriveDate", Instant.ofEpochMilli(r.redriveMillis()).toString());
    }
    strings(o.putArray("visitedStates"), r.visited());
    strings(o.putArray("failedStates"), r.failed());
    strings(o.putArray("retriedStates"), r.retried());
    ObjectNode mocks = o.putObject("mockInvocations");
    r.mockInvocations().forEach(mocks::put);
    ArrayNode pending = o.putArray("pendingTasks");
    for (RunRecord.PendingTask p : r.pending()) {
      pending.addObject().put("stateName", p.stateName()).put("taskToken", p.taskToken());
    }
    o.set("resume", r.resume() == null ? Json.NODES.nullNode() : r.resume().toJson());
    ArrayNode events = o.putArray("history");
    for (RecordedEvent e : r.events()) {
      ObjectNode ev = events.addObject();
      ev.put("id", e.id());
      ev.put("previousEventId", e.previousEventId());
      ev.put("timestamp", Instant.ofEpochMilli(e.epochMillis()).toString());
      ev.put("type", e.type().awsName());
      JsonNode details = e.detailsNode();
      if (details != null && e.type().detailsName() != null) {
        ev.set(e.type().detailsName(), details);
      }
    }
    return o;
  }

  /** @throws IllegalArgumentException what is wrong with the document, naming the field */
  public static Loaded read(JsonNode o) {
    if (!FORMAT.equals(o.path("format").asText()) || o.path("version").asInt() != VERSION) {
      throw new IllegalArgumentException("it is not an execution saved by run --save (no \"format\": \""
          + FORMAT + "\", \"version\": " + VERSION + ")");
    }
    JsonNode definition = required(o, "definition");
    if (!sha256(Json.text(definition)).equals(o.path("definitionSha256").asText())) {
      throw new IllegalArgumentException("its definition was edited after the execution ran;"
          + " a redrive runs the definition the execution started with (as on AWS): start a new"
          + " execution with run instead");
    }
    Map<String, String> subs = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = o.path("substitutions").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      subs.put(e.getKey(), e.getValue().asText());
    }
    RunStatus status;
    try {
      status = RunStatus.valueOf(text(o, "status"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("\"status\" must be one of RUNNING, SUCCEEDED, FAILED,"
          + " TIMED_OUT, ABORTED");
    }
    List<RecordedEvent> events = new ArrayList<>();
    for (JsonNode ev : required(o, "history")) {
      EventType type = EventType.byAwsName(ev.path("type").asText());
      if (type == null) {
        throw new IllegalArgumentException("history event " + ev.path("id") + " has an unknown"
            + " type '" + ev.path("type").asText() + "'");
      }
      JsonNode details = type.detailsName() == null ? null : ev.get(type.detailsName());
      events.add(new RecordedEvent(ev.path("id").asLong(), ev.path("previousEventId").asLong(),
          millis(ev, "timestamp"), type, details == null ? null : () -> details));
    }
    Map<String, Integer> mocks = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = o.path("mockInvocations").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      mocks.put(e.getKey(), e.getValue().asInt());
    }
    List<RunRecord.PendingTask> pending = new ArrayList<>();
    for (JsonNode p : o.path("pendingTasks")) {
      pending.add(new RunRecord.PendingTask(p.path("stateName").asText(), p.path("taskToken").asText()));
    }
    Resume resume;
    try {
      resume = o.path("resume").isObject() ? Resume.fromJson(o.get("resume")) : null;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("\"resume\" " + e.getMessage());
    }
    RunRecord record = new RunRecord(text(o, "stateMachineName"), text(o, "executionName"),
        text(o, "executionArn"), text(o, "stateMachineArn"), o.path("testCase").asText(null),
        status, o.get("output"),
        o.path("error").asText(null), o.path("cause").asText(null), text(o, "input"),
        millis(o, "startDate"), o.has("stopDate") ? millis(o, "stopDate") : null,
        o.path("redriveCount").asInt(), o.has("redriveDate") ? millis(o, "redriveDate") : null,
        List.copyOf(events), strings(o.path("visitedStates")), strings(o.path("failedStates")),
        strings(o.path("retriedStates")), resume, mocks, pending);
    return new Loaded(record, Json.text(definition), subs);
  }

  private static JsonNode required(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("\"" + field + "\" is missing");
    }
    return v;
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = required(o, field);
    if (!v.isTextual()) {
      throw new IllegalArgumentException("\"" + field + "\" must be a string");
    }
    return v.asText();
  }

  private static long millis(JsonNode o, String field) {
    try {
      return Instant.parse(text(o, field)).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("\"" + field + "\" must be a timestamp such as"
          + " 2025-01-01T00:00:00Z, got '" + o.get(field).asText() + "'");
    }
  }

  private static void putIfSet(ObjectNode o, String field, String value) {
    if (value != null) {
      o.put(field, value);
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
