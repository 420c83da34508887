package com.example.workshop.tools.conformance;

import com.example.workshop.runtime.sfn.Diagnostic;
import com.example.workshop.runtime.sfn.StateMachine;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ValidateStateMachineDefinition / CreateStateMachine vectors against {@link
 * StateMachine#validate}: same codes, messages and locations, in order.
 */
final class ValidationCheck implements CaseCheck {
  @Override
  public String check(VectorFile file, JsonNode c) {
    String definition = c.has("definition_string") ? c.get("definition_string").asText()
        : c.path("definition").toString();
    List<Diagnostic> got = StateMachine.validate(definition, Map.of());
    if (c.has("expected_response")) {
      JsonNode expected = c.get("expected_response").path("diagnostics");
      List<String> want = new ArrayList<>();
      for (JsonNode d : expected) {
        want.add(d.path("code").asText() + " | " + d.path("message").asText()
            + (d.has("location") ? " | " + d.get("location").asText() : ""));
      }
      List<String> actual = new ArrayList<>();
      for (int i = 0; i < got.size(); i++) {
        Diagnostic d = got.get(i);
        boolean withLocation = i < expected.size() && expected.get(i).has("location");
        actual.add(d.code() + " | " + d.message() + (withLocation ? " | " + d.location() : ""));
      }
      return want.equals(actual) ? null : "diagnostics " + actual + ", expected " + want;
    }
    String want = c.path("expected_error").path("message").asText();
    List<String> parts = new ArrayList<>();
    for (Diagnostic d : got) {
      parts.add(d.code() + ": " + d.message() + " at " + d.location());
    }
    String actual = "Invalid State Machine Definition: '" + String.join(", ", parts) + "'";
    return want.equals(actual) ? null : "error " + actual + ", expected " + want;
  }
}
