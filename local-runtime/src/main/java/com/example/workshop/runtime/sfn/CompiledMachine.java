package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;

/** The executable form of a definition: built once per {@link StateMachine}, then shared. */
final class CompiledMachine {
  final Branch top;
  final Integer timeoutSeconds;
  /** History length of the last execution (a sizing hint only; races are harmless). */
  volatile int eventsHint = 16;

  CompiledMachine(JsonNode definition) {
    boolean jsonata = "JSONata".equals(definition.path("QueryLanguage").asText());
    this.top = new Branch(definition, jsonata);
    this.timeoutSeconds = State.integer(definition, "TimeoutSeconds");
  }
}
