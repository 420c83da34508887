package com.example.workshop.runtime.sfn;

import com.example.workshop.runtime.sfn.internal.engine.ExecutionControl;
import com.example.workshop.runtime.sfn.internal.engine.ExecutionRun;
import com.example.workshop.runtime.sfn.internal.engine.WaitingTask;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An execution started without waiting for it ({@link LocalStepFunctions#startExecution}): it runs
 * on a thread of its own. In virtual time its clock jumps over Wait states, retry intervals and
 * HeartbeatSeconds/TimeoutSeconds only while a thread awaits it ({@link #await}, {@link
 * #awaitTaskToken}, ...); until then it runs whatever takes no time, so a test can answer a task
 * token, send a heartbeat or stop it first. In real time its timers run on the wall clock.
 *
 * <pre>{@code
 * ExecutionHandle run = sfn.startExecution(machine, "{\"orderId\": \"o-1\"}");
 * String token = run.awaitTaskToken("WaitForApproval");
 * sfn.sendTaskSuccess(token, "{\"approved\": true}");
 * Execution done = run.await();
 * }</pre>
 */
public final class ExecutionHandle {
  private final ExecutionRun run;
  private final ExecutionControl control;
  private final StateMachine machine;
  private final Clock clock;

  ExecutionHandle(ExecutionRun run, ExecutionControl control, StateMachine machine, Clock clock) {
    this.run = run;
    this.control = control;
    this.machine = machine;
    this.clock = clock;
  }

  public String executionArn() {
    return run.executionArn();
  }

  public ExecutionStatus status() {
    return control.read(() -> ExecutionStatus.valueOf(run.status().name()));
  }

  /** The execution as it stands now: RUNNING with its history so far, or as it ended. */
  public Execution snapshot() {
    return new Execution(control.read(run::record), machine, clock);
  }

  /** Tasks waiting for their task token now, oldest first. */
  public List<PendingTask> pendingTasks() {
    return snapshot().pendingTasks();
  }

  /** Waits for the end (time skipping meanwhile) and returns the ended execution. */
  public Execution await() {
    control.awaitUntil(ExecutionControl.END);
    return snapshot();
  }

  /**
   * Waits until the execution ends, or until all it does is wait for task tokens whose tasks have
   * no TimeoutSeconds or HeartbeatSeconds (only the one-year limit would end them): then the
   * snapshot is RUNNING and {@link Execution#pendingTasks()} says which tokens it waits for.
   */
  public Execution awaitSettled() {
    control.awaitUntil(ExecutionControl.SETTLED);
    return snapshot();
  }

  /**
   * {@link #awaitSettled} for a service whose clients answer the task tokens, as {@code serve}
   * does: Wait states and retry intervals still take no time, but while a task waits for its token
   * with HeartbeatSeconds or TimeoutSeconds, the execution's clock runs on the wall clock, so the
   * client has the real seconds AWS would give it (a task left unanswered times out after them).
   */
  public Execution awaitSettledForClients() {
    control.awaitAnswerable(ExecutionControl.SETTLED);
    return snapshot();
  }

  /**
   * Waits (time skipping meanwhile) until a task at one of {@code stateNames} waits for its token,
   * and returns the oldest such task; empty when the execution ends or settles ({@link
   * #awaitSettled}) first.
   */
  public Optional<PendingTask> awaitTask(String... stateNames) {
    Set<String> states = Set.of(stateNames);
    control.awaitUntil(c -> c.submittedAt(states) != null || c.isSettled());
    return control.read(() -> {
      WaitingTask t = control.submittedAt(states);
      return t == null ? Optional.empty()
          : Optional.of(new PendingTask(t.stateName(), t.token()));
    });
  }

  /**
   * The token of the oldest task at {@code stateName} that waits for it; waits (time skipping
   * meanwhile) until there is one.
   *
   * @throws IllegalStateException the execution ended, or settled waiting for other tokens only
   */
  public String awaitTaskToken(String stateName) {
    Optional<PendingTask> task = awaitTask(stateName);
    if (task.isPresent()) {
      return task.get().taskToken();
    }
    Execution now = snapshot();
    throw new IllegalStateException("no task at state '" + stateName + "' waits for a token: the"
        + " execution " + (now.status() == ExecutionStatus.RUNNING
            ? "waits only for " + now.pendingTasks() : "ended " + now.status() + " (" + now + ")"));
  }

  /**
   * StopExecution: the execution ends ABORTED (ExecutionAborted with this error and cause, each
   * optional) when it next waits; nothing more of it runs and its tokens close. Without effect on
   * an execution that already ended. It can be redriven.
   *
   * @throws StepFunctionsException ValidationException for an error over 256 or a cause over
   *     32,768 characters
   */
  public void stop(String error, String cause) {
    if (error != null && error.length() > 256) {
      throw new StepFunctionsException("ValidationException", "1 validation error detected: Value"
          + " at 'error' failed to satisfy constraint: Member must have length less than or equal"
          + " to 256");
    }
    if (cause != null && cause.length() > 32_768) {
      throw new StepFunctionsException("ValidationException", "1 validation error detected: Value"
          + " at 'cause' failed to satisfy constraint: Member must have length less than or equal"
          + " to 32768");
    }
    control.stop(error, cause);
  }

  @Override
  public String toString() {
    return "ExecutionHandle[" + executionArn() + " " + status() + "]";
  }
}
