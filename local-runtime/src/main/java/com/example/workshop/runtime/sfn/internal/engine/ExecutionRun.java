package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.ErrorNames;
import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.asl.Limits;
import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import com.example.workshop.runtime.sfn.internal.asl.Timestamps;
import com.example.workshop.runtime.sfn.internal.history.Cursor;
import com.example.workshop.runtime.sfn.internal.history.HistoryLimitReached;
import com.example.workshop.runtime.sfn.internal.history.HistoryRecorder;
import com.example.workshop.runtime.sfn.internal.history.RecordedEvent;
import com.example.workshop.runtime.sfn.internal.model.Machine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** One execution of a machine, from ExecutionStarted to its terminal event. */
public final class ExecutionRun implements StrandOwner {
  private final EngineConfig config;
  private final Machine machine;
  private final JsonNode input;
  private final String inputText;
  private final String stateMachineName;
  private final String executionName;
  private final Map<String, String> mocks;
  private final Map<String, Integer> mockInvocations = new HashMap<>();
  private final Random random;
  private final long startMillis;
  private final Scheduler scheduler;
  private final HistoryRecorder history;
  private final Cursor root = new Cursor(0, true);
  private final List<String> visited;
  private List<String> failedStates = List.of();
  private List<String> retriedStates = List.of();
  private ObjectNode executionContext;
  private ObjectNode stateMachineContext;

  private RunStatus status = RunStatus.RUNNING;
  private JsonNode output;
  private String error;
  private String cause;

  /**
   * @param inputText the input exactly as given (AWS echoes it in ExecutionStarted)
   * @param mocks state name → mocked response name of the selected test case, or null
   * @param sizeHint events the previous execution of this machine wrote (list sizing only)
   */
  public ExecutionRun(EngineConfig config, Machine machine, JsonNode input, String inputText,
      String stateMachineName, String executionName, Map<String, String> mocks, Random random,
      int sizeHint) {
    this.config = config;
    this.machine = machine;
    this.input = input;
    this.inputText = inputText;
    this.stateMachineName = stateMachineName;
    this.executionName = executionName;
    this.mocks = mocks;
    this.random = random;
    this.startMillis = config.clock().millis();
    // A Standard execution times out after one year at the latest (AWS quota).
    long deadline = Time.plus(startMillis, Limits.MAX_EXECUTION_MILLIS);
    if (machine.timeoutSeconds() != null) {
      deadline = Math.min(deadline, Time.plusSeconds(startMillis, machine.timeoutSeconds()));
    }
    this.scheduler = new Scheduler(config.clock(), config.realTime(), startMillis, deadline);
    this.history = new HistoryRecorder(config.historyLimit(), scheduler::now, sizeHint);
    this.visited = new ArrayList<>(sizeHint / 2 + 8);
  }

  /** Runs the execution to its end (SUCCEEDED, FAILED or TIMED_OUT). */
  public void execute() {
    history.executionStarted(root, inputText, config.roleArn());
    root.moveTo(0); // the first state's StateEntered follows event 0, as on AWS
    try {
      if (inputText.length() * 3L > Limits.PAYLOAD_BYTES
          && Json.text(input).getBytes(StandardCharsets.UTF_8).length > Limits.PAYLOAD_BYTES) {
        throw new StatesError(ErrorNames.DATA_LIMIT_EXCEEDED,
            "The execution input exceeds the maximum number of bytes service limit.");
      }
      scheduler.ready(new Strand(this, machine.top(), input, new Variables(null), root, this, 0));
      scheduler.run();
    } catch (StatesError e) {
      fail(root, e.error(), e.cause());
    } catch (ExecutionTimedOut e) {
      status = RunStatus.TIMED_OUT;
      error = ErrorNames.TIMEOUT;
      history.executionTimedOut(new Cursor(history.size(), true));
    } catch (HistoryLimitReached e) {
      fail(new Cursor(history.size(), true), ErrorNames.RUNTIME, "The execution reached the limit of "
          + config.historyLimit() + " history events (AWS quota); reduce the number of state"
          + " transitions or split the work into child executions.");
    } catch (RuntimeException e) {
      fail(new Cursor(history.size(), true), ErrorNames.RUNTIME,
          "Internal error in local-runtime: " + e);
    }
  }

  @Override
  public void finished(Strand strand, JsonNode out) {
    history.executionSucceeded(root, out);
    status = RunStatus.SUCCEEDED;
    output = out;
    scheduler.stop();
  }

  @Override
  public void failed(Strand strand, StatesError e) {
    fail(root, e.error(), e.cause());
    scheduler.stop();
  }

  private void fail(Cursor after, String err, String why) {
    status = RunStatus.FAILED;
    error = err;
    cause = why;
    history.executionFailed(after, err, why);
  }

  // ---- what the executors use

  EngineConfig config() {
    return config;
  }

  Scheduler scheduler() {
    return scheduler;
  }

  HistoryRecorder history() {
    return history;
  }

  Random random() {
    return random;
  }

  String stateMachineName() {
    return stateMachineName;
  }

  void visited(String state) {
    visited.add(state);
  }

  void stateFailed(String state) {
    if (failedStates.isEmpty()) {
      failedStates = new ArrayList<>(4);
    }
    failedStates.add(state);
  }

  void stateRetried(String state) {
    if (retriedStates.isEmpty()) {
      retriedStates = new ArrayList<>(4);
    }
    retriedStates.add(state);
  }

  /** The mocked response name for a state of the selected test case, or null. */
  String mockFor(String state) {
    return mocks == null ? null : mocks.get(state);
  }

  /** Zero-based count of this state's mocked invocations so far in this execution. */
  int nextMockInvocation(String state) {
    return mockInvocations.merge(state, 1, Integer::sum) - 1;
  }

  /** {@code $$.Execution}, built on first use. */
  ObjectNode executionContext() {
    if (executionContext == null) {
      executionContext = Json.object();
      executionContext.put("Id", executionArn());
      executionContext.set("Input", input);
      executionContext.put("StartTime", Timestamps.format(startMillis));
      executionContext.put("Name", executionName);
      executionContext.put("RoleArn", config.roleArn());
      executionContext.put("RedriveCount", 0);
      stateMachineContext = Json.object();
      stateMachineContext.put("Id", arnPrefix() + "stateMachine:" + stateMachineName);
      stateMachineContext.put("Name", stateMachineName);
    }
    return executionContext;
  }

  /** {@code $$.StateMachine}. */
  ObjectNode stateMachineContext() {
    executionContext();
    return stateMachineContext;
  }

  // ---- the result

  public RunStatus status() {
    return status;
  }

  /** The output; null unless SUCCEEDED. */
  public JsonNode output() {
    return output;
  }

  public String error() {
    return error;
  }

  public String cause() {
    return cause;
  }

  public String executionArn() {
    return arnPrefix() + "execution:" + stateMachineName + ":" + executionName;
  }

  private String arnPrefix() {
    return "arn:aws:states:" + config.region() + ":" + config.accountId() + ":";
  }

  public List<RecordedEvent> events() {
    return history.events();
  }

  public List<String> visitedStates() {
    return Collections.unmodifiableList(visited);
  }

  public List<String> failedStates() {
    return Collections.unmodifiableList(failedStates);
  }

  public List<String> retriedStates() {
    return Collections.unmodifiableList(retriedStates);
  }
}
