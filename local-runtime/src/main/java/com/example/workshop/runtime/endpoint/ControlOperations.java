package com.example.workshop.runtime.endpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * StopExecution, RedriveExecution, SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat and
 * TestState: the request is checked as AWS checks it (constraints, ARNs, the execution exists),
 * then answered with UnsupportedOperation, because the engine cannot stop, redrive, wait for a
 * task token or test a single state yet. Never a pretended success.
 */
final class ControlOperations {
  private final Registry registry;

  ControlOperations(Registry registry) {
    this.registry = registry;
  }

  ObjectNode stop(Request r) {
    String arn = r.text("executionArn", true, 1, 256);
    r.sensitive("error", false, 0, 256);
    r.sensitive("cause", false, 0, 32_768);
    r.check();
    Arns.requireExecution(arn);
    registry.execution(arn);
    throw ApiError.unsupported("StopExecution", "the engine cannot stop a running execution yet");
  }

  ObjectNode redrive(Request r) {
    String arn = r.text("executionArn", true, 1, 256);
    r.text("clientToken", false, 1, 64);
    r.check();
    Arns.requireExecution(arn);
    registry.execution(arn);
    throw ApiError.unsupported("RedriveExecution", "the engine cannot redrive an execution yet");
  }

  ObjectNode taskSuccess(Request r) {
    token(r);
    r.sensitive("output", true, 0, 262_144);
    r.check();
    throw callbacks("SendTaskSuccess");
  }

  ObjectNode taskFailure(Request r) {
    token(r);
    r.sensitive("error", false, 0, 256);
    r.sensitive("cause", false, 0, 32_768);
    r.check();
    throw callbacks("SendTaskFailure");
  }

  ObjectNode taskHeartbeat(Request r) {
    token(r);
    r.check();
    throw callbacks("SendTaskHeartbeat");
  }

  ObjectNode testState(Request r) {
    r.text("definition", true, 1, 1_048_576);
    r.text("roleArn", false, 1, 256);
    r.sensitive("input", false, 0, 262_144);
    r.choice("inspectionLevel", java.util.List.of("INFO", "DEBUG", "TRACE"));
    r.flag("revealSecrets", false);
    r.sensitive("variables", false, 0, 262_144);
    r.text("stateName", false, 1, 80);
    r.structure("mock");
    r.sensitive("context", false, 0, 262_144);
    r.structure("stateConfiguration");
    r.check();
    throw ApiError.unsupported("TestState", "offline TestState is not in the engine yet");
  }

  private static void token(Request r) {
    r.text("taskToken", true, 1, 2048);
  }

  private static ApiError callbacks(String operation) {
    return ApiError.unsupported(operation, "the engine issues no task tokens yet (.waitForTaskToken runs only mocked)");
  }
}
