package com.example.workshop.runtime.sfn.internal.teststate;

import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.engine.StateTest;
import com.example.workshop.runtime.sfn.internal.model.ParallelState;
import com.example.workshop.runtime.sfn.internal.model.StateType;
import com.example.workshop.runtime.sfn.internal.model.TaskState;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * What TestState accepts of a mock and a state configuration for the type of state tested, in the
 * order AWS checks it: Map and Parallel only with a mock, Pass, Fail, Succeed (and Choice, Wait)
 * never; one of result and errorOutput; a result that is JSON of the shape the state produces
 * (an array for a Map or one item per Parallel branch, an object for a Map with a ResultWriter,
 * the integration's result for a Task); a Task that really runs needs a role.
 */
final class MockRules {
  private static final Set<StateType> MOCKABLE = Set.of(StateType.TASK, StateType.MAP,
      StateType.PARALLEL);

  private MockRules() {}

  /** The mock to run with, or null when the state runs unmocked. */
  static StateTest.Mock check(Request r, TestedState tested) {
    StateType type = tested.state().type();
    Request.Mock mock = r.mock();
    Request.Config config = r.config();
    if (mock == null && config.mapIterationFailureCount() != null) {
      throw Refusal.validation("TestState does not support MapIterationFailureCount"
          + " when a mock is not specified.");
    }
    if (mock == null && (type == StateType.MAP || type == StateType.PARALLEL)) {
      throw Refusal.invalidDefinition("TestState API does not support Map or Parallel"
          + " states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]");
    }
    if (mock == null) {
      if (type == StateType.TASK && r.roleArn() == null) {
        throw Refusal.validation("RoleArn must be specified when testing a Task state");
      }
      checkErrorCausedByState(config, tested);
      return null;
    }
    if (!MOCKABLE.contains(type)) {
      throw Refusal.validation("State type '" + type.aslName()
          + "' is not supported when a mock is specified");
    }
    if (r.revealSecrets()) {
      throw Refusal.validation(
          "TestState does not support RevealSecrets when a mock is specified.");
    }
    if (mock.result() != null && mock.errorOutput()) {
      throw Refusal.validation("A test mock should have only one of the following"
          + " fields: [result, errorOutput].");
    }
    if (mock.result() == null && !mock.errorOutput()) {
      throw Refusal.validation("A test mock should have one of the following fields:"
          + " [result, errorOutput].");
    }
    checkErrorCausedByState(config, tested);
    if (mock.errorOutput()) {
      return new StateTest.Mock(null, mock.error(), mock.cause());
    }
    JsonNode result;
    try {
      result = Json.parse(mock.result());
    } catch (IllegalArgumentException e) {
      throw Refusal.validation("Mocked result must be valid JSON");
    }
    switch (type) {
      case MAP -> {
        if (tested.node().has("ResultWriter") && !result.isObject()) {
          throw Refusal.validation("Mocked result must be a JSON object.");
        }
        if (!tested.node().has("ResultWriter") && !result.isArray()) {
          throw Refusal.validation("Mocked result must be an array.");
        }
        Integer failures = config.mapIterationFailureCount();
        if (failures != null && result.isArray() && failures > result.size()) {
          throw Refusal.validation("Map iteration failure count must be less than or"
              + " equal to the number of Map iterations");
        }
      }
      case PARALLEL -> {
        if (!result.isArray()) {
          throw Refusal.validation("Mocked result must be an array.");
        }
        if (result.size() != ((ParallelState) tested.state()).branches().size()) {
          throw Refusal.validation("Mocked result must contain the same number of items"
              + " as number of Parallel branches.");
        }
      }
      default -> ResultSchemas.check(((TaskState) tested.state()).resource(), result,
          mock.fieldValidationMode() == null ? "STRICT" : mock.fieldValidationMode());
    }
    return new StateTest.Mock(result, null, null);
  }

  /** errorCausedByState names a state inside the tested Map or Parallel (local-runtime's words). */
  private static void checkErrorCausedByState(Request.Config config, TestedState tested) {
    String name = config.errorCausedByState();
    if (name == null) {
      return;
    }
    StateType type = tested.state().type();
    if (type != StateType.MAP && type != StateType.PARALLEL) {
      throw Refusal.validation("errorCausedByState names the state inside a Map or"
          + " Parallel state that raised the mocked error; the tested state is a "
          + type.aslName() + " state");
    }
    if (!tested.contains(name)) {
      throw Refusal.validation("errorCausedByState '" + name + "' is not a state inside"
          + " the tested " + type.aslName() + " state");
    }
  }
}
