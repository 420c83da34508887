package com.example.workshop.runtime.sfn.internal.history;

import com.example.workshop.runtime.sfn.internal.asl.ErrorNames;
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
    record(c, EventType.EXECUTION_STARTED,
        () -> details().payload("input", inputText).text("roleArn", roleArn).node());
  }

  public void executionSucceeded(Cursor c, JsonNode output) {
    record(c, EventType.EXECUTION_SUCCEEDED, () -> details().payload("output", output).node());
  }

  public void executionFailed(Cursor c, String error, String cause) {
    append(c, EventType.EXECUTION_FAILED, () -> details().error(error, cause).node());
  }

  public void executionTimedOut(Cursor c) {
    append(c, EventType.EXECUTION_TIMED_OUT,
        () -> details().error(ErrorNames.TIMEOUT, null).node());
  }

  /** StopExecution: AWS links ExecutionAborted to no event (previousEventId 0). */
  public void executionAborted(String error, String cause) {
    append(new Cursor(0, true), EventType.EXECUTION_ABORTED,
        () -> details().error(error, cause).node());
  }

  /** A redrive begins: it follows the last event of the history it continues. */
  public void executionRedriven(Cursor c, int redriveCount) {
    append(c, EventType.EXECUTION_REDRIVEN,
        () -> details().number("redriveCount", redriveCount).node());
  }

  // ---- states

  public long stateEntered(Cursor c, StateType type, String name, JsonNode input) {
    return record(c, EventType.entered(type),
        () -> details().text("name", name).payload("input", input).node());
  }

  /** {@code assigned}: the variables the state assigned, or null. */
  public void stateExited(Cursor c, StateType type, String name, JsonNode output,
      ObjectNode assigned) {
    record(c, EventType.exited(type),
        () -> details().text("name", name).payload("output", output).assigned(assigned).node());
  }

  /** A JSONata expression failed: AWS links this event to {@code after}, not to the cursor. */
  public void evaluationFailed(Cursor c, long after, String state, String cause, String location) {
    c.moveTo(after);
    record(c, EventType.EVALUATION_FAILED,
        () -> details().text("error", ErrorNames.QUERY_EVALUATION_ERROR).text("cause", cause)
            .optional("location", location).text("state", state).node());
  }

  // ---- Map

  public void mapStateStarted(Cursor c, int length) {
    record(c, EventType.MAP_STATE_STARTED, () -> details().number("length", length).node());
  }

  public long mapIteration(Cursor c, EventType type, String mapName, int index) {
    return record(c, type, () -> details().number("index", index).text("name", mapName).node());
  }

  /** A Map Run that failed on its own (its ItemReader), with the error and cause. */
  public long mapRunFailed(Cursor c, String error, String cause) {
    return record(c, EventType.MAP_RUN_FAILED,
        () -> details().text("error", error).text("cause", cause).node());
  }

  public void mapRunStarted(Cursor c, String mapRunArn) {
    record(c, EventType.MAP_RUN_STARTED, () -> details().text("mapRunArn", mapRunArn).node());
  }

  // ---- Lambda functions (direct ARN) and service integrations

  public void lambdaScheduled(Cursor c, String resource, JsonNode input, Long timeoutSeconds) {
    record(c, EventType.LAMBDA_FUNCTION_SCHEDULED,
        () -> details().text("resource", resource).payload("input", input)
            .optional("timeoutInSeconds", timeoutSeconds).node());
  }

  /** LambdaFunctionSucceeded or TaskSucceeded's {@code output} is the function's text as given. */
  public void lambdaSucceeded(Cursor c, String outputText) {
    record(c, EventType.LAMBDA_FUNCTION_SUCCEEDED,
        () -> details().payload("output", outputText).node());
  }

  /** LambdaFunctionFailed / LambdaFunctionTimedOut. */
  public void lambdaFailed(Cursor c, EventType type, String error, String cause) {
    record(c, type, () -> details().error(error, cause).node());
  }

  public void taskScheduled(Cursor c, String resource, String resourceType, String region,
      JsonNode parameters, Long timeoutSeconds, Long heartbeatSeconds) {
    record(c, EventType.TASK_SCHEDULED,
        () -> taskDetails(resource, resourceType).text("region", region)
            .json("parameters", parameters).optional("timeoutInSeconds", timeoutSeconds)
            .optional("heartbeatInSeconds", heartbeatSeconds).node());
    record(c, EventType.TASK_STARTED, () -> taskDetails(resource, resourceType).node());
  }

  /** A callback or .sync task was submitted: {@code output} is the service's response. */
  public void taskSubmitted(Cursor c, String resource, String resourceType, JsonNode output) {
    record(c, EventType.TASK_SUBMITTED,
        () -> taskDetails(resource, resourceType).payload("output", output).node());
  }

  public void taskSucceeded(Cursor c, String resource, String resourceType, JsonNode output) {
    record(c, EventType.TASK_SUCCEEDED,
        () -> taskDetails(resource, resourceType).payload("output", output).node());
  }

  /** TaskFailed / TaskTimedOut. */
  public void taskFailed(Cursor c, EventType type, String error, String cause, String resource,
      String resourceType) {
    record(c, type, () -> details().error(error, cause).text("resource", resource)
        .text("resourceType", resourceType).node());
  }

  private static EventDetails details() {
    return new EventDetails();
  }

  private static EventDetails taskDetails(String resource, String resourceType) {
    return details().text("resource", resource).text("resourceType", resourceType);
  }
}
