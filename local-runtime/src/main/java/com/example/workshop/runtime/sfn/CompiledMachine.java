package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;

/** The executable form of a definition: built once per {@link StateMachine}, then shared. */
final class CompiledMachine {
  final Branch top;
  final Integer timeoutSeconds;
  final boolean jsonata;

  CompiledMachine(JsonNode definition) {
    this.top = new Branch(definition);
    this.timeoutSeconds = State.integer(definition, "TimeoutSeconds");
    this.jsonata = "JSONata".equals(definition.path("QueryLanguage").asText());
  }
}
