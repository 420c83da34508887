package com.example.workshop.runtime.sfn;

import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.definition.Substitutions;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;

/**
 * A TestState request, field for field AWS's ({@code aws stepfunctions test-state}): the definition
 * of one state, or of a whole machine with the {@code stateName} to test; the state's input;
 * how much to report; the variables and Context object it sees; a mock of what it calls; the
 * retry count, Map failures and error origin to assume. Null fields are absent. Build one with
 * {@link #of} and the {@code with...} methods:
 *
 * <pre>{@code
 * TestStateRequest.of(machine, "ReserveInventory")
 *     .withInput("{\"orderId\": \"o-1\"}")
 *     .withMockError("WarehouseUnavailable", "timeout")
 *     .withRetrierRetryCount(2)
 *     .withInspectionLevel(TestStateRequest.InspectionLevel.DEBUG);
 * }</pre>
 *
 * @param definition the state (or machine) in the Amazon States Language, as JSON text
 * @param input the state's input, JSON text (absent: {@code {}})
 * @param variables the workflow variables the state sees, a JSON object as text
 * @param context the Context object ({@code $$}) as JSON text (absent: one AWS makes up)
 * @param roleArn needed only for a Task that really runs (no mock)
 * @param definitionSubstitutions local-runtime's addition, not sent to AWS: the values the
 *     definition's {@code ${Key}} placeholders were given (a function bound under a key answers
 *     for the ARN it stands for); empty when none
 */
public record TestStateRequest(String definition, String stateName, String input,
    InspectionLevel inspectionLevel, String variables, String context, Mock mock,
    StateConfiguration stateConfiguration, String roleArn, Boolean revealSecrets,
    Map<String, String> definitionSubstitutions) {

  public TestStateRequest {
    definitionSubstitutions = definitionSubstitutions == null ? Map.of()
        : Map.copyOf(definitionSubstitutions);
  }

  /** INFO: output, status, next state; DEBUG and TRACE also each data-processing stage. */
  public enum InspectionLevel { INFO, DEBUG, TRACE }

  /** How a mocked service result is checked against the service's API (default STRICT). */
  public enum FieldValidationMode { STRICT, PRESENT, NONE }

  /** What the state's Task, Map or Parallel answers instead of running: a result or an error. */
  public record Mock(String result, MockErrorOutput errorOutput,
      FieldValidationMode fieldValidationMode) {
    /** A mocked result: JSON text (a service's response, a Map's or Parallel's outputs array). */
    public static Mock result(String json) {
      return new Mock(json, null, null);
    }

    /** A mocked error with its cause (either may be null). */
    public static Mock error(String error, String cause) {
      return new Mock(null, new MockErrorOutput(error, cause), null);
    }

    public Mock withFieldValidationMode(FieldValidationMode mode) {
      return new Mock(result, errorOutput, mode);
    }
  }

  public record MockErrorOutput(String error, String cause) {}

  /**
   * What to assume of the state's situation: retries already made by the Retry entry that takes
   * the error, the state inside a Map or Parallel that raised the mocked error, failed Map
   * iterations, the data a Map's ItemReader reads.
   */
  public record StateConfiguration(Integer retrierRetryCount, String errorCausedByState,
      Integer mapIterationFailureCount, String mapItemReaderData) {
    static final StateConfiguration NONE = new StateConfiguration(null, null, null, null);
  }

  /** A request to test {@code definition}: one state, or a machine once a state name is set. */
  public static TestStateRequest of(String definition) {
    return new TestStateRequest(Objects.requireNonNull(definition, "definition"), null, null,
        null, null, null, null, null, null, null, Map.of());
  }

  /** A request to test one state of a loaded machine (its substitutions resolved). */
  public static TestStateRequest of(StateMachine machine, String stateName) {
    return new TestStateRequest(Json.text(machine.definition()), stateName, null, null, null, null,
        null, null, null, null, machine.substitutions());
  }

  /**
   * The definition with its {@code ${Key}} placeholders resolved as SAM's DefinitionSubstitutions
   * resolve them (local-runtime's addition; AWS takes the definition as it is).
   *
   * @throws DefinitionException for a placeholder without a value
   */
  public TestStateRequest withDefinitionSubstitutions(Map<String, String> values) {
    Substitutions.Result r = Substitutions.apply(definition, values);
    if (!r.diagnostics().isEmpty()) {
      throw new DefinitionException("<definition>", r.diagnostics().stream()
          .map(p -> new Diagnostic(p.code(), p.location(), p.message(), p.line())).toList());
    }
    return new TestStateRequest(r.text(), stateName, input, inspectionLevel, variables, context,
        mock, stateConfiguration, roleArn, revealSecrets, Map.copyOf(values));
  }

  public TestStateRequest withStateName(String name) {
    return new TestStateRequest(definition, name, input, inspectionLevel, variables, context,
        mock, stateConfiguration, roleArn, revealSecrets, definitionSubstitutions);
  }

  public TestStateRequest withInput(String json) {
    return new TestStateRequest(definition, stateName, json, inspectionLevel, variables, context,
        mock, stateConfiguration, roleArn, revealSecrets, definitionSubstitutions);
  }

  public TestStateRequest withInspectionLevel(InspectionLevel level) {
    return new TestStateRequest(definition, stateName, input, level, variables, context, mock,
        stateConfiguration, roleArn, revealSecrets, definitionSubstitutions);
  }

  public TestStateRequest withVariables(String json) {
    return new TestStateRequest(definition, stateName, input, inspectionLevel, json, context,
        mock, stateConfiguration, roleArn, revealSecrets, definitionSubstitutions);
  }

  public TestStateRequest withContext(String json) {
    return new TestStateRequest(definition, stateName, input, inspectionLevel, variables, json,
        mock, stateConfiguration, roleArn, revealSecrets, definitionSubstitutions);
  }

  public TestStateRequest withMock(Mock m) {
    return new TestStateRequest(definition, stateName, input, inspectionLevel, variables, context,
        m, stateConfiguration, roleArn, revealSecrets, definitionSubstitutions);
  }

  /** Mocks the result of the Task's service call (or a Map's or Parallel's outputs). */
  public TestStateRequest withMockResult(String json) {
    return withMock(Mock.result(json));
  }

  /** Mocks an error of the Task (or of a state inside a Map or Parallel). */
  public TestStateRequest withMockError(String error, String cause) {
    return withMock(Mock.error(error, cause));
  }

  public TestStateRequest withStateConfiguration(StateConfiguration c) {
    return new TestStateRequest(definition, stateName, input, inspectionLevel, variables, context,
        mock, c, roleArn, revealSecrets, definitionSubstitutions);
  }

  /** Retries the matching Retry entry has already made: decides RETRIABLE or FAILED/caught. */
  public TestStateRequest withRetrierRetryCount(int count) {
    StateConfiguration c = configuration();
    return withStateConfiguration(new StateConfiguration(count, c.errorCausedByState(),
        c.mapIterationFailureCount(), c.mapItemReaderData()));
  }

  public TestStateRequest withErrorCausedByState(String state) {
    StateConfiguration c = configuration();
    return withStateConfiguration(new StateConfiguration(c.retrierRetryCount(), state,
        c.mapIterationFailureCount(), c.mapItemReaderData()));
  }

  public TestStateRequest withMapIterationFailureCount(int count) {
    StateConfiguration c = configuration();
    return withStateConfiguration(new StateConfiguration(c.retrierRetryCount(),
        c.errorCausedByState(), count, c.mapItemReaderData()));
  }

  public TestStateRequest withMapItemReaderData(String data) {
    StateConfiguration c = configuration();
    return withStateConfiguration(new StateConfiguration(c.retrierRetryCount(),
        c.errorCausedByState(), c.mapIterationFailureCount(), data));
  }

  public TestStateRequest withRoleArn(String arn) {
    return new TestStateRequest(definition, stateName, input, inspectionLevel, variables, context,
        mock, stateConfiguration, arn, revealSecrets, definitionSubstitutions);
  }

  public TestStateRequest withRevealSecrets(boolean reveal) {
    return new TestStateRequest(definition, stateName, input, inspectionLevel, variables, context,
        mock, stateConfiguration, roleArn, reveal, definitionSubstitutions);
  }

  private StateConfiguration configuration() {
    return stateConfiguration == null ? StateConfiguration.NONE : stateConfiguration;
  }

  /** The request as the TestState API's JSON body (absent fields left out). */
  public String toJson() {
    return Json.text(node());
  }

  ObjectNode node() {
    ObjectNode json = Json.object();
    putIf(json, "definition", definition);
    putIf(json, "roleArn", roleArn);
    putIf(json, "input", input);
    putIf(json, "inspectionLevel", inspectionLevel == null ? null : inspectionLevel.name());
    if (revealSecrets != null) {
      json.put("revealSecrets", revealSecrets);
    }
    putIf(json, "variables", variables);
    putIf(json, "stateName", stateName);
    if (mock != null) {
      ObjectNode m = json.putObject("mock");
      putIf(m, "result", mock.result());
      if (mock.errorOutput() != null) {
        ObjectNode e = m.putObject("errorOutput");
        putIf(e, "error", mock.errorOutput().error());
        putIf(e, "cause", mock.errorOutput().cause());
      }
      putIf(m, "fieldValidationMode",
          mock.fieldValidationMode() == null ? null : mock.fieldValidationMode().name());
    }
    putIf(json, "context", context);
    if (stateConfiguration != null) {
      ObjectNode c = json.putObject("stateConfiguration");
      if (stateConfiguration.retrierRetryCount() != null) {
        c.put("retrierRetryCount", stateConfiguration.retrierRetryCount());
      }
      putIf(c, "errorCausedByState", stateConfiguration.errorCausedByState());
      if (stateConfiguration.mapIterationFailureCount() != null) {
        c.put("mapIterationFailureCount", stateConfiguration.mapIterationFailureCount());
      }
      putIf(c, "mapItemReaderData", stateConfiguration.mapItemReaderData());
    }
    return json;
  }

  private static void putIf(ObjectNode json, String field, String value) {
    if (value != null) {
      json.put(field, value);
    }
  }
}
