package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.ErrorNames;
import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.asl.Limits;
import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import com.example.workshop.runtime.sfn.internal.asl.Timestamps;
import com.example.workshop.runtime.sfn.internal.model.State;
import com.example.workshop.runtime.sfn.internal.query.EvalContext;
import com.example.workshop.runtime.sfn.internal.query.StateIo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One visit of one state by one strand: its raw input, where its executor stands, and what {@code
 * $$} shows (EnteredTime, RetryCount, Map item, task token).
 */
final class Visit implements EvalContext {
  static final String RUNTIME_PREFIX = "An error occurred while executing the state '";

  final Strand strand;
  final State state;
  final JsonNode input;
  final long enteredMillis;
  final long enteredId;
  /** AWS links EvaluationFailed to the event before StateEntered, in a Wait to StateEntered. */
  final long evaluationFailedAfter;

  /** The executor's own progress through this visit. */
  int phase;
  /** Whatever the executor keeps between steps (a Map's items, a retry's attempt counts, ...). */
  Object work;
  /** Retries so far ({@code $$.State.RetryCount} of a Task); -1 where it is not shown. */
  int retryCount = -1;
  int mapIndex = -1;
  JsonNode mapValue;
  /** {@code $$.Task.Token} of a callback or .sync task, else null. */
  String taskToken;
  /** The task that holds {@link #taskToken}. */
  WaitingTask waitingTask;
  /** A redrive continues this visit's branches or iterations from here (first attempt only). */
  Resume resume;

  Visit(Strand strand, State state, JsonNode input, long enteredMillis, long enteredId,
      long evaluationFailedAfter) {
    this.strand = strand;
    this.state = state;
    this.input = input;
    this.enteredMillis = enteredMillis;
    this.enteredId = enteredId;
    this.evaluationFailedAfter = evaluationFailedAfter;
  }

  ExecutionRun run() {
    return strand.run();
  }

  /**
   * The state exits: the output within the payload quota, its variables assigned, StateExited
   * written. {@code next} null ends the branch.
   */
  Step exit(StateIo.Exit exit, String next) {
    JsonNode out = exit.output();
    if (Json.exceeds(out, Limits.PAYLOAD_BYTES)) {
      throw dataLimit(state.name());
    }
    ObjectNode assigned = exit.assigned();
    if (assigned != null) {
      Map<String, JsonNode> values = new HashMap<>();
      assigned.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
      strand.variables().assign(values);
    }
    run().history().stateExited(strand.cursor(), state.type(), state.name(), out, assigned);
    return new Step.Next(out, next);
  }

  static StatesError dataLimit(String what) {
    return new StatesError(ErrorNames.DATA_LIMIT_EXCEEDED, "The state/task '" + what
        + "' returned a result with a size exceeding the maximum number of bytes service limit.");
  }

  /** States.Runtime with AWS's prefix naming this state and its StateEntered event. */
  StatesError runtimeError(String why) {
    return new StatesError(ErrorNames.RUNTIME, RUNTIME_PREFIX + state.name()
        + "' (entered at the event id #" + enteredId + "). " + why);
  }

  @Override
  public StatesError evaluationFailed(String location, String why) {
    String cause = RUNTIME_PREFIX + state.name() + "' (entered at the event id #" + enteredId
        + "). " + why;
    run().history().evaluationFailed(strand.cursor(), evaluationFailedAfter, state.name(), cause,
        location);
    return new StatesError(ErrorNames.QUERY_EVALUATION_ERROR, cause);
  }

  @Override
  public Map<String, JsonNode> variables() {
    return strand.variables();
  }

  @Override
  public RandomGenerator random() {
    return run().random();
  }

  @Override
  public void inspect(String stage, JsonNode value) {
    StateProbe probe = run().probe();
    if (probe != null) {
      probe.stage(stage, value);
    }
  }

  /** The Context object: a TestState run's, or this visit's in its execution. */
  @Override
  public JsonNode contextObject() {
    StateProbe probe = run().probe();
    ObjectNode ctx = probe != null ? probe.context().deepCopy() : executionContextObject();
    if (mapIndex >= 0) {
      ObjectNode item = ctx.putObject("Map").putObject("Item");
      item.put("Index", mapIndex);
      item.set("Value", mapValue);
    }
    return ctx;
  }

  private ObjectNode executionContextObject() {
    ObjectNode ctx = Json.object();
    ExecutionRun run = run();
    ctx.set("Execution", run.executionContext());
    ctx.set("StateMachine", run.stateMachineContext());
    ObjectNode s = ctx.putObject("State");
    s.put("Name", state.name());
    s.put("EnteredTime", Timestamps.format(enteredMillis));
    if (retryCount >= 0) {
      s.put("RetryCount", retryCount);
    }
    if (taskToken != null) {
      ctx.putObject("Task").put("Token", taskToken);
    }
    return ctx;
  }
}
