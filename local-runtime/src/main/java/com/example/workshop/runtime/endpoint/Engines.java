package com.example.workshop.runtime.endpoint;

import com.example.workshop.runtime.sfn.LocalStepFunctions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engines executions run on, one per execution role: the role a state machine was created
 * with is what its executions show in {@code $$.Execution.RoleArn} and ExecutionStarted, and
 * LocalStepFunctions has one role. Machines that share a role share an engine, so their Java
 * handlers stay warm between executions.
 */
final class Engines {
  private final LocalStepFunctions.Builder builder;
  private final LocalStepFunctions only;
  private final Map<String, LocalStepFunctions> byRole = new HashMap<>();

  Engines(LocalStepFunctions.Builder builder) {
    this.builder = builder;
    this.only = null;
  }

  /** One engine for every role: an instance a test already holds (its role is the one it has). */
  Engines(LocalStepFunctions only) {
    this.builder = null;
    this.only = only;
    byRole.put("", only);
  }

  synchronized LocalStepFunctions forRole(String roleArn) {
    return only != null ? only : byRole.computeIfAbsent(roleArn, role -> builder.roleArn(role).build());
  }

  /** Every engine built so far (the task tokens of an execution are its engine's). */
  synchronized List<LocalStepFunctions> all() {
    return List.copyOf(byRole.values());
  }
}
