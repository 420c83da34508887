package com.example.workshop.runtime.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Property: {@code validate} and {@code run} agree on every definition. Definitions are valid
 * machines (JSONPath and JSONata, every state type) with one random edit: a value replaced by a
 * tricky one, a field removed or an ASL field added. A definition {@code validate} accepts builds
 * and runs to a terminal status without an internal error; one it rejects is rejected by {@code
 * run} with the same diagnostics (code, line, pointer, message). Bounded and deterministic.
 */
class ValidateRunAgreementPropertyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int DEFINITIONS = 600;

  private static final List<String> BASES = List.of("""
      {"StartAt": "Start", "TimeoutSeconds": 300, "States": {
        "Start": {"Type": "Pass", "Parameters": {"id.$": "$.orderId", "n.$": "States.MathAdd($.n, 1)"},
          "ResultPath": "$.p", "Next": "Route"},
        "Route": {"Type": "Choice", "Choices": [
            {"Variable": "$.n", "NumericGreaterThan": 3, "Next": "Charge"},
            {"And": [{"Variable": "$.sku", "StringMatches": "a*"}, {"Variable": "$.at", "IsTimestamp": true}],
             "Next": "Pause"}],
          "Default": "Pause"},
        "Pause": {"Type": "Wait", "Seconds": 5, "Next": "Charge"},
        "Charge": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:F",
          "TimeoutSeconds": 60, "HeartbeatSeconds": 10, "ResultSelector": {"ok.$": "$.ok"},
          "Retry": [{"ErrorEquals": ["Busy"], "IntervalSeconds": 1, "MaxAttempts": 2, "BackoffRate": 2.0}],
          "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Failed"}],
          "Next": "Fan"},
        "Fan": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 2,
          "ItemSelector": {"i.$": "$$.Map.Item.Index"},
          "ItemProcessor": {"StartAt": "Each", "States": {"Each": {"Type": "Pass", "End": true}}},
          "ResultPath": "$.each", "Next": "Both"},
        "Both": {"Type": "Parallel", "Branches": [
            {"StartAt": "B1", "States": {"B1": {"Type": "Wait", "TimestampPath": "$.at", "End": true}}},
            {"StartAt": "B2", "States": {"B2": {"Type": "Succeed"}}}],
          "OutputPath": "$[0]", "Next": "Done"},
        "Failed": {"Type": "Fail", "ErrorPath": "$.error.Error", "Cause": "charge failed"},
        "Done": {"Type": "Succeed"}}}""", """
      {"QueryLanguage": "JSONata", "StartAt": "Start", "States": {
        "Start": {"Type": "Pass", "Output": {"n": "{% $states.input.n + 1 %}"},
          "Assign": {"seen": "{% $states.input.orderId %}"}, "Next": "Route"},
        "Route": {"Type": "Choice", "Choices": [
            {"Condition": "{% $states.input.n > 3 %}", "Next": "Charge", "Output": {"big": true}}],
          "Default": "Pause"},
        "Pause": {"Type": "Wait", "Seconds": "{% 1 %}", "Next": "Charge"},
        "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Arguments": {"FunctionName": "F", "Payload": "{% $states.input %}"},
          "TimeoutSeconds": "{% 30 %}", "Output": "{% $states.result.Payload %}",
          "Catch": [{"ErrorEquals": ["States.ALL"], "Output": "{% $states.errorOutput %}", "Next": "Failed"}],
          "Next": "Fan"},
        "Fan": {"Type": "Map", "Items": "{% [1, 2, 3] %}", "MaxConcurrency": "{% 2 %}",
          "ItemProcessor": {"StartAt": "Each", "States": {"Each": {"Type": "Wait", "Timestamp": "2026-01-15T10:00:05Z", "End": true}}},
          "Next": "Done"},
        "Failed": {"Type": "Fail", "Error": "{% 'Failed' %}", "Cause": "charge failed"},
        "Done": {"Type": "Succeed"}}}""");

  private static final List<String> FIELDS = List.of("Type", "Next", "End", "Comment",
      "InputPath", "OutputPath", "ResultPath", "Parameters", "ResultSelector", "Assign", "Output",
      "Arguments", "Resource", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds",
      "Seconds", "SecondsPath", "Timestamp", "TimestampPath", "Error", "ErrorPath", "Cause",
      "Choices", "Default", "Branches", "ItemsPath", "Items", "ItemSelector", "MaxConcurrency",
      "MaxConcurrencyPath", "ToleratedFailureCount", "Retry", "Catch", "QueryLanguage",
      "StringMatches", "Variable", "Condition", "ErrorEquals", "IntervalSeconds", "MaxAttempts",
      "BackoffRate", "JitterStrategy", "MaxDelaySeconds", "StartAt", "States");
  private static final List<String> VALUES = List.of("\"\"", "\" \"", "\"{% 1 %}\"",
      "\" {% 1 %}\"", "\"{% $x %}\"", "\"{% ) %}\"", "\"$\"", "\"$.a\"", "\"$.items[\"",
      "\"$$.Execution.Id\"", "\"$seen\"", "\"a\\\\\"", "\"a\\\\*b\"", "\"States.Format('x')\"",
      "\"States.Nope()\"", "\"2026-01-15T10:00:00Z\"", "\"2026-01-15 10:00:00\"",
      "\"arn:aws:lambda:us-east-1:123456789012:function:F\"", "\"JSONata\"", "\"JSONPath\"",
      "\"FULL\"", "\"Done\"", "\"Nowhere\"", "0", "-1", "1", "1.5", "99999999", "100000000",
      "1e20", "true", "false", "null", "{}", "[]", "[{}]", "[\"States.ALL\"]");
  private static final List<String> INPUTS = List.of("{}", "{\"orderId\":\"o-1\",\"n\":5,"
      + "\"sku\":\"a1\",\"at\":\"2026-01-15T10:00:03Z\",\"items\":[{\"x\":1},{\"x\":2}]}");

  private final Random random = new Random(20261206L);

  @Test
  @DisplayName("validate and run agree: same diagnostics, or a build and a run without internal errors")
  void validateAndRunAgree() throws Exception {
    int accepted = 0;
    int rejected = 0;
    for (int i = 0; i < DEFINITIONS; i++) {
      JsonNode definition = JSON.readTree(BASES.get(i % BASES.size()));
      mutate(definition);
      String text = definition.toPrettyString();
      List<Diagnostic> validated = StateMachine.validate(text, Map.of());
      StateMachine machine;
      try {
        machine = StateMachine.parse(text, Map.of());
      } catch (DefinitionException e) {
        rejected++;
        assertEquals(validated, e.diagnostics(), text);
        assertTrue(!validated.isEmpty(), text);
        continue;
      }
      accepted++;
      assertEquals(List.of(), validated, text);
      machine.toMermaid();
      for (String input : INPUTS) {
        Execution ex = EngineTestSupport.engine()
            .function("F", event -> "{\"ok\": true}").build().start(machine, input);
        assertNotEquals(ExecutionStatus.RUNNING, ex.status(), text);
        assertTrue(ex.cause() == null || !ex.cause().contains("Internal error"),
            ex.cause() + "\n" + text);
      }
    }
    assertTrue(accepted > DEFINITIONS / 10, "too few accepted definitions: " + accepted);
    assertTrue(rejected > DEFINITIONS / 10, "too few rejected definitions: " + rejected);
  }

  /** One random edit somewhere in the tree. */
  private void mutate(JsonNode root) throws Exception {
    List<ContainerNode<?>> containers = new ArrayList<>();
    collect(root, containers);
    ContainerNode<?> target = containers.get(random.nextInt(containers.size()));
    JsonNode value = JSON.readTree(VALUES.get(random.nextInt(VALUES.size())));
    if (target instanceof ObjectNode o) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      int action = names.isEmpty() ? 2 : random.nextInt(3);
      if (action == 0) {
        o.set(names.get(random.nextInt(names.size())), value);
      } else if (action == 1) {
        o.remove(names.get(random.nextInt(names.size())));
      } else {
        o.set(FIELDS.get(random.nextInt(FIELDS.size())), value);
      }
    } else {
      ArrayNode a = (ArrayNode) target;
      if (a.isEmpty() || random.nextBoolean()) {
        a.add(value);
      } else {
        a.set(random.nextInt(a.size()), value);
      }
    }
  }

  private static void collect(JsonNode node, List<ContainerNode<?>> out) {
    if (node instanceof ContainerNode<?> c) {
      out.add(c);
      node.forEach(child -> collect(child, out));
    }
  }
}
