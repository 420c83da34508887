package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.ErrorNames;
import com.example.workshop.runtime.sfn.internal.history.EventType;
import com.example.workshop.runtime.sfn.internal.model.TaskState;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Task: each attempt invokes its resource (a function, a mock) with the effective input. A
 * callback or .sync task gets a task token first; once submitted it waits for the token's answer
 * while its TimeoutSeconds and HeartbeatSeconds run.
 */
final class TaskExecutor extends RetryingExecutor {
  @Override
  JsonNode attempt(Visit v, Attempts a) {
    TaskState t = (TaskState) v.state;
    if (t.waitsForTaskToken() || t.isSync()) {
      v.waitingTask = v.run().issueToken(v.strand, t.name());
      v.taskToken = v.waitingTask.token();
    }
    try {
      JsonNode afterInputPath = t.io().input(v.input, v);
      Long timeout = Fields.seconds(t.timeout(), "TimeoutSeconds", v.input, afterInputPath, v);
      Long heartbeat =
          Fields.seconds(t.heartbeat(), "HeartbeatSeconds", v.input, afterInputPath, v);
      JsonNode effective = t.io().effectiveInput(v.input, v);
      return carryOn(v, a, TaskInvoker.invoke(v, t, effective, timeout, heartbeat));
    } catch (RuntimeException e) {
      closeToken(v);
      throw e;
    }
  }

  /** Carries on with what the invocation left: a result, a call, a timeout, a token to wait for. */
  private static JsonNode carryOn(Visit v, Attempts a, TaskInvoker.Invocation invocation) {
    if (invocation instanceof TaskInvoker.Invocation.Done done) {
      closeToken(v);
      return done.result();
    }
    a.work = invocation;
    Scheduler scheduler = v.run().scheduler();
    if (invocation instanceof TaskInvoker.Invocation.Overran overran) {
      scheduler.wakeAt(v.strand, Time.plusSeconds(scheduler.now(), overran.limitSeconds()));
    } else if (invocation instanceof TaskInvoker.Invocation.Pending pending) {
      if (pending.limitSeconds() != null) {
        scheduler.wakeAt(v.strand,
            Time.plusSeconds(pending.call().virtualStart, pending.limitSeconds()));
      }
    } else {
      TaskInvoker.Invocation.Waiting w = (TaskInvoker.Invocation.Waiting) invocation;
      w.task().waiting = true;
      v.run().control().submitted(w.task());
      return waitForToken(v, w);
    }
    return null;
  }

  /**
   * The token's answer, if it came; else a timeout that is due; else the next timer to wait for
   * (TimeoutSeconds from the start, HeartbeatSeconds from the start or the last heartbeat).
   */
  private static JsonNode waitForToken(Visit v, TaskInvoker.Invocation.Waiting w) {
    WaitingTask task = w.task();
    Scheduler scheduler = v.run().scheduler();
    long timeoutAt = w.timeoutSeconds() == null ? Long.MAX_VALUE
        : Time.plusSeconds(w.startedAt(), w.timeoutSeconds());
    long heartbeatAt = w.heartbeatSeconds() == null ? Long.MAX_VALUE
        : Time.plusSeconds(task.lastBeat, w.heartbeatSeconds());
    long due = Math.min(timeoutAt, heartbeatAt);
    task.timed = due != Long.MAX_VALUE;
    boolean timedOut = due <= scheduler.now() && task.close();
    TaskState t = (TaskState) v.state;
    if (timedOut) {
      closeToken(v);
      // AWS records a callback's missed heartbeat as States.Timeout too
      throw TaskInvoker.taskFailed(v, t, EventType.TASK_TIMED_OUT, ErrorNames.TIMEOUT, null,
          w.resourceType());
    }
    WaitingTask.Answer answer = task.takeAnswer();
    if (answer != null) {
      closeToken(v);
      if (answer.failed()) {
        throw TaskInvoker.taskFailed(v, t, EventType.TASK_FAILED, answer.error(), answer.cause(),
            w.resourceType()).withOutputCause(answer.cause());
      }
      return TaskInvoker.taskSucceeded(v, t, w.resourceType(), answer.output());
    }
    if (due != Long.MAX_VALUE) {
      scheduler.wakeAt(v.strand, due);
    }
    return null; // an answer wakes the strand
  }

  /** The function returned (its reply), or its time ran out first (the timeout woke the strand). */
  @Override
  JsonNode resume(Visit v, Attempts a) {
    try {
      if (a.work instanceof TaskInvoker.Invocation.Waiting w) {
        return waitForToken(v, w);
      }
      if (a.work instanceof TaskInvoker.Invocation.Overran overran) {
        throw overran.onTimeout().get();
      }
      TaskInvoker.Invocation.Pending pending = (TaskInvoker.Invocation.Pending) a.work;
      if (pending.call().delivered) {
        return carryOn(v, a, pending.onReply().apply(pending.call().reply));
      }
      v.run().scheduler().cancel(pending.call());
      throw pending.onTimeout().get();
    } catch (RuntimeException e) {
      closeToken(v);
      throw e;
    }
  }

  @Override
  void abortWork(Visit v, Attempts a) {
    if (a.work instanceof TaskInvoker.Invocation.Pending pending) {
      v.run().scheduler().cancel(pending.call());
    }
    closeToken(v);
  }

  /** The task no longer waits: its token is closed (a later SendTask* gets TaskTimedOut). */
  private static void closeToken(Visit v) {
    if (v.waitingTask != null) {
      v.waitingTask.close();
      v.waitingTask.waiting = false;
      v.run().control().closed(v.waitingTask);
    }
  }

  @Override
  boolean showsRetryCount() {
    return true;
  }
}
