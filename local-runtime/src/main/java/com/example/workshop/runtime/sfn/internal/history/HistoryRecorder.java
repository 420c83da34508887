package com.example.workshop.runtime.sfn.internal.history;

import com.example.workshop.runtime.sfn.internal.asl.ErrorNames;
import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.model.StateType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The only writer of an execution's history: ids in order, each event's {@code previousEventId}
 * taken from the strand's {@link Cursor}, details in GetExecutionHistory's shape (JSON values as
 * text, built when the history is read). Execution-ending events are written even past the quota.
 */
public final class HistoryRecorder {
  private final List<RecordedEvent> events;
  private final int limit;
  private final LongSupplier clock;

  /**
   * {@code clock}: the execution's time in epoch milliseconds; {@code sizeHint}: expected events;
   * {@code prior}: the history a redrive continues (empty for a new execution).
   */
  public HistoryRecorder(int limit, LongSupplier clock, int sizeHint, List<RecordedEvent> prior) {
    this.limit = limit;
    this.clock = clock;
    this.events = new ArrayList<>(Math.min(sizeHint, limit) + prior.size() + 8);
    this.events.addAll(prior);
  }

  public List<RecordedEvent> events() {
    return Collections.unmodifiableList(events);
  }

  /** A copy of the events so far, their details built now: it stays as it is while the run goes on. */
  public List<RecordedEvent> snapshot() {
    List<RecordedEvent> copy = new ArrayList<>(events.size());
    for (RecordedEvent e : events) {
      JsonNode details = e.detailsNode();
      copy.add(new RecordedEvent(e.id(), e.previousEventId(), e.epochMillis(), e.type(),
          details == null ? null : () -> details));
    }
    return copy;
  }

  public int size() {
    return events.size();
  }

  /** Writes an event after {@code cursor.last()} and moves the cursor to it; returns its id. */
  public long record(Cursor cursor, EventType type, Supplier<JsonNode> details) {
    if (!cursor.recorded()) {
      return cursor.last();
    }
    if (events.size() >= limit) {
      throw new HistoryLimitReached();
    }
    return append(cursor, type, details);
  }

  private long append(Cursor cursor, EventType type, Supplier<JsonNode> details) {
    long id = events.size() + 1L;
    events.add(new RecordedEvent(id, cursor.last(), clock.getAsLong(), type, details));
    cursor.moveTo(id);
    return id;
  }

  /** An event without details. */
  public long record(Cursor cursor, EventType type) {
    return record(cursor, type, null);
  }

  // ---- execution

  public void executionStarted(Cursor c, String inputText, String roleArn) {
    record(c, EventType.EXECUTION_STARTED, () -> {
      ObjectNode d = Json.object();
      d.put("input", inputText);
      d.set("inputDetails", notTruncated());
      d.put("roleArn", roleArn);
      return d;
    });
  }

  public void executionSucceeded(Cursor c, JsonNode output) {
    record(c, EventType.EXECUTION_SUCCEEDED, () -> {
      ObjectNode d = Json.object();
      d.put("output", Json.text(output));
      d.set("outputDetails", notTruncated());
      return d;
    });
  }

  public void executionFailed(Cursor c, String error, String cause) {
    append(c, EventType.EXECUTION_FAILED, () -> errorDetails(error, cause));
  }

  public void executionTimedOut(Cursor c) {
    append(c, EventType.EXECUTION_TIMED_OUT, () -> errorDetails(ErrorNames.TIMEOUT, null));
  }

  /** StopExecution: AWS links ExecutionAborted to no event (previousEventId 0). */
  public void executionAborted(String error, String cause) {
    append(new Cursor(0, true), EventType.EXECUTION_ABORTED, () -> errorDetails(error, cause));
  }

  /** A redrive begins: it follows the last event of the history it continues. */
  public void executionRedriven(Cursor c, int redriveCount) {
    append(c, EventType.EXECUTION_REDRIVEN, () -> {
      ObjectNode d = Json.object();
      d.put("redriveCount", redriveCount);
      return d;
    });
  }

  // ---- states

  public long stateEntered(Cursor c, StateType type, String name, JsonNode input) {
    return record(c, EventType.entered(type), () -> {
      ObjectNode d = Json.object();
      d.put("name", name);
      d.put("input", Json.text(input));
      d.set("inputDetails", notTruncated());
      return d;
    });
  }

  /** {@code assigned}: the variables the state assigned, or null. */
  public void stateExited(Cursor c, StateType type, String name, JsonNode output,
      ObjectNode assigned) {
    record(c, EventType.exited(type), () -> {
      ObjectNode d = Json.object();
      d.put("name", name);
      d.put("output", Json.text(output));
      d.set("outputDetails", notTruncated());
      if (assigned != null) {
        ObjectNode texts = d.putObject("assignedVariables");
        assigned.fields().forEachRemaining(e -> texts.put(e.getKey(), Json.text(e.getValue())));
        d.set("assignedVariablesDetails", notTruncated());
      }
      return d;
    });
  }

  /** A JSONata expression failed: AWS links this event to {@code after}, not to the cursor. */
  public void evaluationFailed(Cursor c, long after, String state, String cause, String location) {
    c.moveTo(after);
    record(c, EventType.EVALUATION_FAILED, () -> {
      ObjectNode d = Json.object();
      d.put("error", ErrorNames.QUERY_EVALUATION_ERROR);
      d.put("cause", cause);
      if (location != null) {
        d.put("location", location);
      }
      d.put("state", state);
      return d;
    });
  }

  // ---- Map

  public void mapStateStarted(Cursor c, int length) {
    record(c, EventType.MAP_STATE_STARTED, () -> {
      ObjectNode d = Json.object();
      d.put("length", length);
      return d;
    });
  }

  public long mapIteration(Cursor c, EventType type, String mapName, int index) {
    return record(c, type, () -> {
      ObjectNode d = Json.object();
      d.put("index", index);
      d.put("name", mapName);
      return d;
    });
  }

  /** A Map Run that failed on its own (its ItemReader), with the error and cause. */
  public long mapRunFailed(Cursor c, String error, String cause) {
    return record(c, EventType.MAP_RUN_FAILED, () -> {
      ObjectNode d = Json.object();
      d.put("error", error);
      d.put("cause", cause);
      return d;
    });
  }

  public void mapRunStarted(Cursor c, String mapRunArn) {
    record(c, EventType.MAP_RUN_STARTED, () -> {
      ObjectNode d = Json.object();
      d.put("mapRunArn", mapRunArn);
      return d;
    });
  }

  // ---- Lambda functions (direct ARN) and service integrations

  public void lambdaScheduled(Cursor c, String resource, JsonNode input, Long timeoutSeconds) {
    record(c, EventType.LAMBDA_FUNCTION_SCHEDULED, () -> {
      ObjectNode d = Json.object();
      d.put("resource", resource);
      d.put("input", Json.text(input));
      d.set("inputDetails", notTruncated());
      if (timeoutSeconds != null) {
        d.put("timeoutInSeconds", timeoutSeconds);
      }
      return d;
    });
  }

  /** LambdaFunctionSucceeded or TaskSucceeded's {@code output} is the function's text as given. */
  public void lambdaSucceeded(Cursor c, String outputText) {
    record(c, EventType.LAMBDA_FUNCTION_SUCCEEDED, () -> {
      ObjectNode d = Json.object();
      d.put("output", outputText);
      d.set("outputDetails", notTruncated());
      return d;
    });
  }

  /** LambdaFunctionFailed / LambdaFunctionTimedOut. */
  public void lambdaFailed(Cursor c, EventType type, String error, String cause) {
    record(c, type, () -> errorDetails(error, cause));
  }

  public void taskScheduled(Cursor c, String resource, String resourceType, String region,
      JsonNode parameters, Long timeoutSeconds, Long heartbeatSeconds) {
    record(c, EventType.TASK_SCHEDULED, () -> {
      ObjectNode d = Json.object();
      d.put("resource", resource);
      d.put("resourceType", resourceType);
      d.put("region", region);
      d.put("parameters", Json.text(parameters));
      if (timeoutSeconds != null) {
        d.put("timeoutInSeconds", timeoutSeconds);
      }
      if (heartbeatSeconds != null) {
        d.put("heartbeatInSeconds", heartbeatSeconds);
      }
      return d;
    });
    record(c, EventType.TASK_STARTED, () -> {
      ObjectNode d = Json.object();
      d.put("resource", resource);
      d.put("resourceType", resourceType);
      return d;
    });
  }

  /** A callback or .sync task was submitted: {@code output} is the service's response. */
  public void taskSubmitted(Cursor c, String resource, String resourceType, JsonNode output) {
    record(c, EventType.TASK_SUBMITTED, () -> {
      ObjectNode d = Json.object();
      d.put("resource", resource);
      d.put("resourceType", resourceType);
      d.put("output", Json.text(output));
      d.set("outputDetails", notTruncated());
      return d;
    });
  }

  public void taskSucceeded(Cursor c, String resource, String resourceType, JsonNode output) {
    record(c, EventType.TASK_SUCCEEDED, () -> {
      ObjectNode d = Json.object();
      d.put("resource", resource);
      d.put("resourceType", resourceType);
      d.put("output", Json.text(output));
      d.set("outputDetails", notTruncated());
      return d;
    });
  }

  /** TaskFailed / TaskTimedOut. */
  public void taskFailed(Cursor c, EventType type, String error, String cause, String resource,
      String resourceType) {
    record(c, type, () -> {
      ObjectNode d = errorDetails(error, cause);
      d.put("resource", resource);
      d.put("resourceType", resourceType);
      return d;
    });
  }

  private static ObjectNode errorDetails(String error, String cause) {
    ObjectNode d = Json.object();
    if (error != null) {
      d.put("error", error);
    }
    if (cause != null) {
      d.put("cause", cause);
    }
    return d;
  }

  private static ObjectNode notTruncated() {
    ObjectNode d = Json.object();
    d.put("truncated", false);
    return d;
  }
}
