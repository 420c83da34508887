package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.Ids;
import com.example.workshop.runtime.sfn.internal.model.ErrorHandling;
import com.example.workshop.runtime.sfn.internal.model.TaskState;
import com.fasterxml.jackson.databind.JsonNode;

/** Task: each attempt invokes its resource (a function, a mock) with the effective input. */
final class TaskExecutor extends RetryingExecutor {
  @Override
  JsonNode attempt(Visit v, Attempts a) {
    TaskState t = (TaskState) v.state;
    if (t.waitsForTaskToken()) {
      v.taskToken = "local-" + Ids.uuid(v.random());
    }
    JsonNode afterInputPath = t.io().input(v.input, v);
    Long timeout = Fields.seconds(t.timeout(), "TimeoutSeconds", v.input, afterInputPath, v);
    Long heartbeat = Fields.seconds(t.heartbeat(), "HeartbeatSeconds", v.input, afterInputPath, v);
    JsonNode effective = t.io().effectiveInput(v.input, v);
    TaskInvoker.Invocation invocation = TaskInvoker.invoke(v, t, effective, timeout, heartbeat);
    if (invocation instanceof TaskInvoker.Invocation.Done done) {
      return done.result();
    }
    a.work = invocation;
    if (invocation instanceof TaskInvoker.Invocation.Overran overran) {
      v.run().scheduler().wakeAt(v.strand,
          Time.plusSeconds(v.run().scheduler().now(), overran.limitSeconds()));
      return null;
    }
    TaskInvoker.Invocation.Pending pending = (TaskInvoker.Invocation.Pending) invocation;
    if (pending.limitSeconds() != null) {
      v.run().scheduler().wakeAt(v.strand,
          Time.plusSeconds(pending.call().virtualStart, pending.limitSeconds()));
    }
    return null;
  }

  /** The function returned (its reply), or its time ran out first (the timeout woke the strand). */
  @Override
  JsonNode resume(Visit v, Attempts a) {
    if (a.work instanceof TaskInvoker.Invocation.Overran overran) {
      throw overran.onTimeout().get();
    }
    TaskInvoker.Invocation.Pending pending = (TaskInvoker.Invocation.Pending) a.work;
    if (pending.call().delivered) {
      return pending.onReply().apply(pending.call().reply);
    }
    v.run().scheduler().cancel(pending.call());
    throw pending.onTimeout().get();
  }

  @Override
  void abortWork(Visit v, Attempts a) {
    if (a.work instanceof TaskInvoker.Invocation.Pending pending) {
      v.run().scheduler().cancel(pending.call());
    }
  }

  @Override
  ErrorHandling handling(Visit v) {
    return ((TaskState) v.state).handling();
  }

  @Override
  String next(Visit v) {
    return ((TaskState) v.state).next();
  }

  @Override
  boolean showsRetryCount() {
    return true;
  }
}
