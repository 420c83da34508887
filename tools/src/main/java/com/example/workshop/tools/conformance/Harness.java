package com.example.workshop.tools.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What this runner can replay. A file whose {@code requires} names something the harness does not
 * provide is skipped as a whole, with the missing items named; a new capability (mocks, callbacks,
 * TestState, ...) is a new entry in {@link #PROVIDES} and a {@link CaseCheck} for its cases.
 */
final class Harness {
  /** The {@code requires} entries this harness supplies. */
  static final Set<String> PROVIDES = Set.of("lambdas", "mocks", "callbacks", "stop",
      "express", "distributed_map", "api:CreateStateMachine", "api:DescribeExecution",
      "api:ListExecutions", "api:StopExecution", "api:GetExecutionHistory", "api:TestState");

  private final ExecutionCheck execution;
  private final CaseCheck replay;
  private final CaseCheck validation = new ValidationCheck();
  private final CaseCheck testState = new TestStateCheck();
  private final CaseCheck express = new ExpressCheck();

  Harness(boolean strictHistory) {
    this.execution = new ExecutionCheck(strictHistory);
    this.replay = new ReplayCheck(execution);
  }

  /** The requirements of {@code file} this harness cannot supply; empty when it can run it. */
  List<String> missing(VectorFile file) {
    List<String> missing = new ArrayList<>();
    for (String r : file.requires()) {
      if (!PROVIDES.contains(r) && !(r.equals("s3") && s3Given(file))) {
        missing.add(r);
      }
    }
    return missing;
  }

  /**
   * Every case answers its Tasks from recorded mocks (the S3 objects it put stay on AWS's side) or
   * gives the objects its ItemReader reads ({@code s3_objects}, handed to the engine).
   */
  private static boolean s3Given(VectorFile file) {
    for (JsonNode c : file.cases()) {
      if (c.path("mocks").isEmpty() && c.path("s3_objects").isEmpty()) {
        return false;
      }
    }
    return true;
  }

  CaseCheck checkFor(VectorFile file, JsonNode testCase) {
    return switch (file.group()) {
      case "validation" -> validation;
      case "test_state" -> testState;
      case "express" -> express;
      default -> file.requires().isEmpty() || file.requires().equals(List.of("lambdas"))
          ? execution : replay;
    };
  }
}
