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

/**
 * One execution of a machine, from ExecutionStarted to its terminal event; or a redrive of an
 * ended one, from ExecutionRedriven on, continuing its history and the unfinished states.
 */
public final class ExecutionRun implements StrandOwner {
  private final EngineConfig config;
  private final Machine machine;
  private final JsonNode input;
  private final String inputText;
  private final String stateMachineName;
  private final String executionName;
  private final String testCase;
  private final Map<String, String> mocks;
  private final Map<String, Integer> mockInvocations = new HashMap<>();
  private final Random random;
  private final long startMillis;
  private final ExecutionControl control;
  private final Scheduler scheduler;
  private final HistoryRecorder history;
  private final Cursor root = new Cursor(0, true);
  private final List<String> visited;
  private List<String> failedStates = List.of();
  private List<String> retriedStates = List.of();
  private ObjectNode executionContext;
  private ObjectNode stateMachineContext;
  private StateProbe probe;
  /** The ended execution this run redrives, or null. */
  private final RunRecord redriven;
  private final int redriveCount;
  private final Long redriveMillis;
  private Strand top;

  private RunStatus status = RunStatus.RUNNING;
  private JsonNode output;
  private String error;
  private String cause;
  private Long stopMillis;
  private Resume resume;

  /**
   * @param inputText the input exactly as given (AWS echoes it in ExecutionStarted)
   * @param testCase the mock file's test case, or null
   * @param mocks state name → mocked response name of that test case, or null
   * @param sizeHint events the previous execution of this machine wrote (list sizing only)
   * @param redriven the ended execution this run continues (a redrive), or null
   */
  public ExecutionRun(EngineConfig config, Machine machine, JsonNode input, String inputText,
      String stateMachineName, String executionName, String testCase, Map<String, String> mocks,
      Random random, int sizeHint, ExecutionControl control, RunRecord redriven) {
    this.config = config;
    this.machine = machine;
    this.input = input;
    this.inputText = inputText;
    this.stateMachineName = stateMachineName;
    this.executionName = executionName;
    this.testCase = testCase;
    this.mocks = mocks;
    this.random = random;
    this.control = control;
    this.redriven = redriven;
    long now = config.clock().millis();
    long begin;
    if (redriven == null) {
      startMillis = now;
      begin = now;
      redriveCount = 0;
      redriveMillis = null;
    } else {
      startMillis = redriven.startMillis();
      begin = Math.max(now, redriven.stopMillis());
      redriveCount = redriven.redriveCount() + 1;
      redriveMillis = begin;
      mockInvocations.putAll(redriven.mockInvocations());
    }
    // A Standard execution times out after one year at the latest (AWS quota); a redrive starts
    // the machine's TimeoutSeconds again.
    long deadline = Time.plus(startMillis, Limits.MAX_EXECUTION_MILLIS);
    boolean deadlineIsLimit = true;
    if (machine.timeoutSeconds() != null
        && Time.plusSeconds(begin, machine.timeoutSeconds()) < deadline) {
      deadline = Time.plusSeconds(begin, machine.timeoutSeconds());
      deadlineIsLimit = false;
    }
    this.scheduler = new Scheduler(config.clock(), config.realTime(), begin, deadline,
        deadlineIsLimit, control);
    this.history = new HistoryRecorder(config.historyLimit(), scheduler::now, sizeHint,
        redriven == null ? List.of() : redriven.events());
    this.visited = new ArrayList<>(sizeHint / 2 + 8);
    if (redriven != null) {
      visited.addAll(redriven.visited());
      failedStates = new ArrayList<>(redriven.failed());
      retriedStates = new ArrayList<>(redriven.retried());
    }
  }

  /** Runs the execution to its end (SUCCEEDED, FAILED, TIMED_OUT or ABORTED). */
  public void execute() {
    control.lock();
    try {
      run();
    } finally {
      stopMillis = scheduler.now();
      if (status != RunStatus.SUCCEEDED && top != null) {
        resume = Resume.of(top);
      }
      control.ended();
      control.unlock();
    }
  }

  private void run() {
    Resume from = redriven == null ? null : redriven.resume();
    if (redriven == null) {
      history.executionStarted(root, inputText, config.roleArn());
      root.moveTo(0); // the first state's StateEntered follows event 0, as on AWS
    } else {
      root.moveTo(history.size());
      history.executionRedriven(root, redriveCount);
    }
    try {
      if (inputText.length() * 3L > Limits.PAYLOAD_BYTES
          && Json.text(input).getBytes(StandardCharsets.UTF_8).length > Limits.PAYLOAD_BYTES) {
        throw new StatesError(ErrorNames.DATA_LIMIT_EXCEEDED,
            "The execution input exceeds the maximum number of bytes service limit.");
      }
      top = from == null
          ? new Strand(this, machine.top(), input, new Variables(null), root, this, 0)
          : new Strand(this, machine.top(), from, new Variables(null), root, this, 0);
      scheduler.ready(top);
      scheduler.run();
    } catch (StatesError e) {
      fail(root, e.error(), e.cause());
    } catch (ExecutionTimedOut e) {
      status = RunStatus.TIMED_OUT;
      error = ErrorNames.TIMEOUT;
      history.executionTimedOut(new Cursor(history.size(), true));
    } catch (ExecutionStopped e) {
      status = RunStatus.ABORTED;
      error = e.error;
      cause = e.cause;
      scheduler.stop();
      history.executionAborted(e.error, e.cause);
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

  ExecutionControl control() {
    return control;
  }

  /** A task token for a task of {@code strand}, open until the task takes an answer or ends. */
  WaitingTask issueToken(Strand strand, String stateName) {
    return config.tokens().issue(stateName, strand, random);
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

  /**
   * The mocked response of a Task's next invocation, or null when it is not mocked: a TestState
   * run's mock, else the selected test case's response for this invocation of the state.
   */
  MockConfig.Response mock(String state) {
    if (probe != null) {
      return probe.mock();
    }
    String name = mocks == null ? null : mocks.get(state);
    if (name == null) {
      return null;
    }
    int invocation = mockInvocations.merge(state, 1, Integer::sum) - 1;
    return config.mockConfig().response(name, invocation);
  }

  /** What a TestState run injects and observes; null in an execution. */
  StateProbe probe() {
    return probe;
  }

  void probe(StateProbe probe) {
    this.probe = probe;
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
      executionContext.put("RedriveCount", redriveCount);
      if (redriveMillis != null) {
        executionContext.put("RedriveTime", Timestamps.format(redriveMillis));
      }
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

  public String executionArn() {
    return arnPrefix() + "execution:" + stateMachineName + ":" + executionName;
  }

  private String arnPrefix() {
    return "arn:aws:states:" + config.region() + ":" + config.accountId() + ":";
  }

  /**
   * What the execution is now; to be called under the control's lock (or once it ended). While it
   * runs the lists are copied and the events' details built, so the record stays as it is.
   */
  public RunRecord record() {
    boolean over = status != RunStatus.RUNNING;
    List<RunRecord.PendingTask> pending = new ArrayList<>();
    for (WaitingTask t : control.submitted()) {
      pending.add(new RunRecord.PendingTask(t.stateName(), t.token()));
    }
    return new RunRecord(stateMachineName, executionName, executionArn(),
        arnPrefix() + "stateMachine:" + stateMachineName, testCase, status, output, error, cause, inputText,
        startMillis, over ? stopMillis : null, redriveCount, redriveMillis,
        over ? history.events() : history.snapshot(),
        over ? Collections.unmodifiableList(visited) : List.copyOf(visited),
        over ? Collections.unmodifiableList(failedStates) : List.copyOf(failedStates),
        over ? Collections.unmodifiableList(retriedStates) : List.copyOf(retriedStates),
        over ? resume : null, mockInvocations, pending);
  }
}
