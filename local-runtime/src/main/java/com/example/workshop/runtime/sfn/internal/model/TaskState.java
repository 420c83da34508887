package com.example.workshop.runtime.sfn.internal.model;

import com.example.workshop.runtime.sfn.internal.query.StateIo;

/**
 * Task: a Lambda function (direct ARN or lambda:invoke) or any other (mocked) resource. {@code
 * timeout} and {@code heartbeat}: TimeoutSeconds and HeartbeatSeconds, null when absent.
 */
public record TaskState(String name, String next, StateIo io, String resource,
    NumberValue timeout, NumberValue heartbeat, ErrorHandling handling) implements RetryingState {
  @Override
  public StateType type() {
    return StateType.TASK;
  }

  /** {@code .waitForTaskToken}: the task gets a {@code $$.Task.Token} and waits for it. */
  public boolean waitsForTaskToken() {
    return resource.endsWith(".waitForTaskToken");
  }

  /** {@code .sync} / {@code .sync:2}: the task waits for its job (it gets a token too). */
  public boolean isSync() {
    return resource.endsWith(".sync") || resource.contains(".sync:");
  }
}
