package com.example.workshop.runtime.sfn;

import com.example.workshop.runtime.sfn.internal.definition.Problem;
import com.example.workshop.runtime.sfn.internal.definition.Substitutions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SubstitutionsTest {
  private static final String ORDER = """
      {
        "StartAt": "Charge",
        "States": {
          "Charge": {
            "Type": "Task",
            "Resource": "${ChargeFunctionArn}",
            "Next": "Notify"
          },
          "Notify": {
            "Type": "Task",
            "Resource": "arn:aws:states:::sns:publish",
            "Parameters": {"TopicArn": "${OrderTopicArn}", "Message": "${!NotAPlaceholder}"},
            "End": true
          }
        }
      }
      """;

  @Test
  @DisplayName("placeholders are replaced by their values, ${!X} stays literal")
  void replacesPlaceholders() {
    StateMachine machine = StateMachine.parse(ORDER, Map.of(
        "ChargeFunctionArn", "arn:aws:lambda:us-east-1:123456789012:function:charge",
        "OrderTopicArn", "arn:aws:sns:us-east-1:123456789012:orders",
        "Unused", "fine"));
    assertEquals("arn:aws:lambda:us-east-1:123456789012:function:charge",
        machine.definition().at("/States/Charge/Resource").asText());
    assertEquals("${NotAPlaceholder}",
        machine.definition().at("/States/Notify/Parameters/Message").asText());
  }

  @Test
  @DisplayName("a placeholder without a value names the key and its line")
  void reportsUnresolvedPlaceholders() {
    Substitutions.Result r = Substitutions.apply(ORDER, Map.of("ChargeFunctionArn", "arn:x"));
    assertEquals(List.of(new Problem("UNRESOLVED_SUBSTITUTION", null,
        "No value for the substitution ${OrderTopicArn}: pass it as a substitution"
            + " OrderTopicArn=VALUE (the SAM template's DefinitionSubstitutions)", 12)),
        r.diagnostics());
  }

  @Test
  @DisplayName("StateMachine resolves substitutions before validating and keeps them")
  void stateMachineAppliesSubstitutions() {
    Map<String, String> values = Map.of(
        "ChargeFunctionArn", "arn:aws:lambda:us-east-1:123456789012:function:charge",
        "OrderTopicArn", "arn:t");
    StateMachine machine = StateMachine.parse(ORDER, values);
    assertEquals("arn:t", machine.definition().at("/States/Notify/Parameters/TopicArn").asText());
    assertEquals(values, machine.substitutions());
    DefinitionException e = assertThrows(DefinitionException.class,
        () -> StateMachine.parse(ORDER, Map.of()));
    assertEquals(List.of("UNRESOLVED_SUBSTITUTION", "UNRESOLVED_SUBSTITUTION"),
        e.diagnostics().stream().map(Diagnostic::code).toList());
    assertEquals(List.of(6, 12), e.diagnostics().stream().map(Diagnostic::line).toList());
    assertEquals(List.of("/States/Charge/Resource", "/States/Notify/Parameters/TopicArn"),
        e.diagnostics().stream().map(Diagnostic::location).toList());
  }

  @Test
  @DisplayName("text without placeholders is unchanged")
  void noPlaceholders() {
    assertEquals("{\"a\": \"$.x\"}", Substitutions.apply("{\"a\": \"$.x\"}", Map.of()).text());
  }
}
