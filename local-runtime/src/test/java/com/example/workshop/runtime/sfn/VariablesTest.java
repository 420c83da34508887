package com.example.workshop.runtime.sfn;

import static com.example.workshop.runtime.sfn.EngineTestSupport.engine;
import static com.example.workshop.runtime.sfn.EngineTestSupport.json;
import static com.example.workshop.runtime.sfn.EngineTestSupport.machine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** JSONPath-mode workflow variables: Assign, $name references, scopes, history. */
class VariablesTest {

  private static JsonNode exitedDetails(Execution ex, String state) {
    return ex.history().stream()
        .filter(e -> e.type().endsWith("StateExited") && e.details().path("name").asText()
            .equals(state))
        .findFirst().orElseThrow().details();
  }

  @Test
  void assignedValuesAreVisibleFromTheNextStateAndRecordedOnExit() {
    StateMachine m = StateMachine.parse("""
        {"StartAt": "Remember", "States": {
          "Remember": {"Type": "Pass", "Assign": {"orderId.$": "$.orderId", "currency": "EUR"},
                       "Next": "Use"},
          "Use": {"Type": "Pass", "Parameters": {"id.$": "$orderId", "cur.$": "$currency",
                  "label.$": "States.Format('{} in {}', $orderId, $currency)"}, "End": true}}}""",
        java.util.Map.of());
    Execution ex = engine().build().start(m, "{\"orderId\": \"o-1\"}");
    assertEquals(json("{'id':'o-1','cur':'EUR','label':'o-1 in EUR'}"), json(ex.output()));
    JsonNode d = exitedDetails(ex, "Remember");
    assertEquals("\"o-1\"", d.get("assignedVariables").get("orderId").asText());
    assertFalse(exitedDetails(ex, "Use").has("assignedVariables"));
  }

  @Test
  void allRightHandSidesSeeTheValuesFromStateEntry() {
    StateMachine m = machine("""
        {'StartAt': 'First', 'States': {
          'First': {'Type': 'Pass', 'Assign': {'total': 1}, 'Next': 'Second'},
          'Second': {'Type': 'Pass', 'Assign': {'total': 2, 'previous.$': '$total'},
                     'Next': 'Show'},
          'Show': {'Type': 'Pass', 'Parameters': {'total.$': '$total', 'previous.$': '$previous'},
                   'End': true}}}""");
    assertEquals(json("{'total':2,'previous':1}"),
        json(engine().build().start(m, "{}").output()));
  }

  @Test
  void mapIterationsReadOuterVariablesButAssignInTheirOwnScope() {
    StateMachine m = machine("""
        {'StartAt': 'Setup', 'States': {
          'Setup': {'Type': 'Pass', 'Assign': {'discount': 5, 'lines': [10, 20]}, 'Next': 'Lines'},
          'Lines': {'Type': 'Map', 'ItemsPath': '$lines', 'ItemProcessor': {'StartAt': 'Price',
            'States': {'Price': {'Type': 'Pass', 'Assign': {'inner.$': '$discount'},
              'Parameters': {'price.$': 'States.MathAdd($, 0)', 'discount.$': '$discount'},
              'End': true}}},
            'Next': 'After'},
          'After': {'Type': 'Pass', 'Parameters': {'stillOuter.$': '$discount'}, 'End': true}}}""");
    Execution ex = engine().build().start(m, "{}");
    assertEquals(ExecutionStatus.SUCCEEDED, ex.status(), ex.cause());
    assertEquals(json("{'stillOuter':5}"), json(ex.output()));
  }

  @Test
  void aMatchingChoiceRuleAssignReplacesTheStateAssign() {
    StateMachine m = machine("""
        {'StartAt': 'Route', 'States': {
          'Route': {'Type': 'Choice', 'Choices': [
              {'Variable': '$.amount', 'NumericGreaterThan': 100, 'Assign': {'tier': 'big'},
               'Next': 'Done'}],
            'Assign': {'tier': 'small'}, 'Default': 'Done'},
          'Done': {'Type': 'Pass', 'Parameters': {'tier.$': '$tier'}, 'End': true}}}""");
    LocalStepFunctions sfn = engine().build();
    assertEquals("{\"tier\":\"big\"}", sfn.start(m, "{\"amount\": 500}").output());
    assertEquals("{\"tier\":\"small\"}", sfn.start(m, "{\"amount\": 5}").output());
  }

  @Test
  void aCatcherAssignSeesTheErrorOutput() {
    StateMachine m = machine("""
        {'StartAt': 'Charge', 'States': {
          'Charge': {'Type': 'Task', 'Resource': 'arn:aws:lambda:us-east-1:123456789012:function:Charge',
            'Assign': {'paid': true},
            'Catch': [{'ErrorEquals': ['States.ALL'], 'Assign': {'failure.$': '$.Error'},
                       'ResultPath': null, 'Next': 'Report'}],
            'End': true},
          'Report': {'Type': 'Pass', 'Parameters': {'failure.$': '$failure'}, 'End': true}}}""");
    Execution ex = engine().function("Charge", event -> {
      throw new LambdaFunctionError("CardDeclined", "no funds");
    }).build().start(m, "{}");
    assertEquals("{\"failure\":\"CardDeclined\"}", ex.output());
  }

  @Test
  void anUndefinedVariableIsAStatesRuntimeError() {
    StateMachine m = machine("""
        {'StartAt': 'Use', 'States': {
          'Use': {'Type': 'Pass', 'Parameters': {'id.$': '$orderId'}, 'End': true}}}""");
    Execution ex = engine().build().start(m, "{}");
    assertEquals("States.Runtime", ex.error());
    assertTrue(ex.cause().contains("$orderId"), ex.cause());
  }
}
