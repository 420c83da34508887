package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.ErrorNames;
import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import com.example.workshop.runtime.sfn.internal.model.RetryingState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;

/**
 * Task, Parallel and Map: attempts of the state's work with Retry and Catch around them. An
 * attempt either ends at once or blocks on work (children, a task in flight) that wakes the
 * strand; its result then goes through the state's output processing, whose errors are retried
 * and caught too.
 */
abstract class RetryingExecutor implements StateExecutor {
  private static final int ATTEMPT = 0;
  private static final int WORKING = 1;
  private static final int BACKING_OFF = 2;

  /** Progress of one visit across attempts. */
  static final class Attempts {
    final int[] retries;
    int retryCount;
    /** The executor's work in progress for the current attempt. */
    Object work;
    /** The current failure came from the state's children (a branch, an iteration). */
    boolean childFailed;

    Attempts(int retriers) {
      this.retries = new int[retriers];
    }
  }

  /**
   * Starts an attempt. Returns its result, or null when the visit now waits for work that will
   * wake the strand.
   *
   * @throws StatesError the attempt failed
   */
  abstract JsonNode attempt(Visit v, Attempts a);

  /**
   * Continues a waiting attempt after a wake-up: its result, or null to keep waiting.
   *
   * @throws StatesError the work failed ({@link Attempts#childFailed} says whether children did)
   */
  abstract JsonNode resume(Visit v, Attempts a);

  /** Map and Parallel write MapStateFailed / ParallelStateFailed when they fail for good. */
  void failed(Visit v) {}

  /** Stops the work of the current attempt (its children, its task in flight). */
  void abortWork(Visit v, Attempts a) {}

  /** Map and Parallel: where each branch or iteration of the current attempt stands. */
  List<Resume.Child> progress(Visit v) {
    return List.of();
  }

  @Override
  public final void abort(Visit v) {
    if (v.work != null && v.phase == WORKING) {
      abortWork(v, (Attempts) v.work);
    }
  }

  /** Tasks show {@code $$.State.RetryCount}. */
  boolean showsRetryCount() {
    return false;
  }

  @Override
  public final Step step(Visit v) {
    RetryingState state = (RetryingState) v.state;
    Attempts a = (Attempts) v.work;
    StateProbe probe = v.run().probe();
    if (a == null) {
      a = new Attempts(state.handling().retriers().size());
      if (probe != null) {
        Arrays.fill(a.retries, probe.retryCount());
        a.retryCount = probe.retryCount();
      }
      v.work = a;
    }
    while (true) {
      JsonNode result;
      try {
        if (v.phase == WORKING) {
          result = resume(v, a);
        } else {
          v.phase = ATTEMPT;
          v.retryCount = showsRetryCount() ? a.retryCount : -1;
          result = attempt(v, a);
        }
        if (result == null) {
          v.phase = WORKING;
          return Step.BLOCKED;
        }
        v.phase = ATTEMPT;
        return v.exit(v.state.io().withResult(v.input, result, v), state.next());
      } catch (StatesError e) {
        v.phase = ATTEMPT;
        RetryDecision d = RetryDecision.decide(state.handling(), a.retries, e, v.random());
        if (probe != null) {
          // TestState reports the decision (retriable, caught, failed) instead of retrying
          probe.decided(state.handling(), e, d);
          if (d instanceof RetryDecision.Retry) {
            return new Step.Failed(e);
          }
        }
        if (d instanceof RetryDecision.Retry r) {
          a.retries[r.retrier()]++;
          a.retryCount++;
          a.childFailed = false;
          v.run().stateRetried(v.state.name());
          if (r.delayMillis() > 0) {
            v.phase = BACKING_OFF;
            return new Step.Sleep(Time.plus(v.run().scheduler().now(), r.delayMillis()));
          }
          continue;
        }
        return giveUp(v, a, e, d);
      }
    }
  }

  private Step giveUp(Visit v, Attempts a, StatesError e, RetryDecision d) {
    if (a.childFailed || !ErrorNames.RUNTIME.equals(e.error())) {
      failed(v);
    }
    if (d instanceof RetryDecision.Catch c) {
      v.run().stateFailed(v.state.name()); // failed, then caught: the diagram shows it failed
      ObjectNode errorOutput = Json.object();
      errorOutput.put("Error", e.error());
      if (e.hasOutputCause()) {
        errorOutput.put("Cause", e.outputCause());
      }
      return v.exit(c.catcher().io().apply(v.input, errorOutput, v), c.catcher().next());
    }
    return new Step.Failed(e);
  }
}
