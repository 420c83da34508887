package com.example.workshop.runtime;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks ValidateStateMachineDefinition / CreateStateMachine vectors (needs the asl validator). */
final class ConformanceValidation {
  private ConformanceValidation() {}

  static String check(JsonNode c) {
    return "validation vectors need StateMachine.validate (asl branch not merged yet)";
  }
}
