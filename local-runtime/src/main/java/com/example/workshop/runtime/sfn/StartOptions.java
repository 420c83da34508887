package com.example.workshop.runtime.sfn;

/**
 * Per-execution options. {@code stateMachineName} (default: the definition file's base name, e.g.
 * {@code order} for {@code order.asl.json}) and {@code executionName} (default: a UUID) shape the
 * ARNs seen in {@code $$} and pick the mock config entry; {@code testCase} selects a test case of
 * the mock config (null: no mocks).
 */
public record StartOptions(String stateMachineName, String executionName, String testCase) {

  static final String DEFAULT_STATE_MACHINE_NAME = "LocalStateMachine";

  public static StartOptions defaults() {
    return new StartOptions(null, null, null);
  }

  public StartOptions withStateMachineName(String name) {
    return new StartOptions(name, executionName, testCase);
  }

  public StartOptions withExecutionName(String name) {
    return new StartOptions(stateMachineName, name, testCase);
  }

  public StartOptions withTestCase(String name) {
    return new StartOptions(stateMachineName, executionName, name);
  }
}
