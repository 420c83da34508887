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
    Long timeout = Fields.seconds(t.timeout(), v.input, afterInputPath, v);
    Long heartbeat = Fields.seconds(t.heartbeat(), v.input, afterInputPath, v);
    JsonNode effective = t.io().effectiveInput(v.input, v);
    return TaskInvoker.invoke(v, t, effective, timeout, heartbeat);
  }

  @Override
  JsonNode resume(Visit v, Attempts a) {
    throw new IllegalStateException("a task attempt finishes when it is started");
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
