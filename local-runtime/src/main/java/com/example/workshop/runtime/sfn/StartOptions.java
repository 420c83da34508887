package com.example.workshop.runtime.sfn;

import java.util.Objects;

/**
 * Per-execution options. {@code stateMachineName} (default: the definition file's base name, e.g.
 * {@code order} for {@code order.asl.json}) and {@code executionName} (default: a UUID) shape the
 * ARNs seen in {@code $$} and pick the mock config entry; {@code testCase} selects a test case of
 * the mock config (null: no mocks); {@code type} is the workflow type (default STANDARD).
 */
public record StartOptions(String stateMachineName, String executionName, String testCase,
    StateMachineType type) {

  static final String DEFAULT_STATE_MACHINE_NAME = "LocalStateMachine";

  public StartOptions {
    Objects.requireNonNull(type, "type");
  }

  public static StartOptions defaults() {
    return new StartOptions(null, null, null, StateMachineType.STANDARD);
  }

  public StartOptions withStateMachineName(String name) {
    return new StartOptions(name, executionName, testCase, type);
  }

  public StartOptions withExecutionName(String name) {
    return new StartOptions(stateMachineName, name, testCase, type);
  }

  public StartOptions withTestCase(String name) {
    return new StartOptions(stateMachineName, executionName, name, type);
  }

  /** An EXPRESS execution: the express ARN form and the five-minute limit. */
  public StartOptions withType(StateMachineType workflowType) {
    return new StartOptions(stateMachineName, executionName, testCase, workflowType);
  }
}
