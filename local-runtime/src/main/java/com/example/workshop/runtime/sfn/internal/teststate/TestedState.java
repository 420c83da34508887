package com.example.workshop.runtime.sfn.internal.teststate;

import com.example.workshop.runtime.sfn.internal.definition.Compiler;
import com.example.workshop.runtime.sfn.internal.definition.DefinitionReader;
import com.example.workshop.runtime.sfn.internal.definition.Definitions;
import com.example.workshop.runtime.sfn.internal.definition.LineLocator;
import com.example.workshop.runtime.sfn.internal.definition.Problem;
import com.example.workshop.runtime.sfn.internal.model.State;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The state a request tests, compiled: the definition is one state (AWS names it {@code StateName}
 * and checks it alone, so its Next need not exist), or a whole machine, checked whole, in which
 * {@code stateName} picks a state at any depth (inside a Parallel branch or a Map processor too).
 *
 * @param node the state's definition
 * @param jsonata whether the state's query language is JSONata
 */
record TestedState(State state, JsonNode node, boolean jsonata) {
  /** AWS's name for a state given alone (its Context object shows it as {@code $$.State.Name}). */
  static final String ALONE = "StateName";

  static TestedState of(String definition, String stateName) {
    if (stateName == null) {
      DefinitionReader.ReadResult read = DefinitionReader.read(definition, "<definition>");
      reject(read.diagnostics());
      return compile(ALONE, read.root(), false, read.lines());
    }
    Definitions.Checked machine = Definitions.check(definition, Map.of(), "<definition>");
    reject(machine.problems());
    boolean jsonata = "JSONata".equals(machine.root().path("QueryLanguage").asText());
    JsonNode node = find(machine.root(), stateName);
    if (node == null) {
      throw Refusal.validation("State not found in definition");
    }
    return compile(stateName, node, jsonata, machine.lines());
  }

  private static TestedState compile(String name, JsonNode node, boolean machineJsonata,
      LineLocator lines) {
    Compiler.StateResult compiled = Compiler.compileState(name, node, machineJsonata, lines);
    reject(compiled.problems());
    String ql = node.path("QueryLanguage").asText(machineJsonata ? "JSONata" : "JSONPath");
    return new TestedState(compiled.state(), node, ql.equals("JSONata"));
  }

  /** The state named {@code name} in a machine or a nested branch or processor; null if none. */
  private static JsonNode find(JsonNode scope, String name) {
    JsonNode states = scope.path("States");
    if (states.has(name)) {
      return states.get(name);
    }
    for (JsonNode state : states) {
      for (JsonNode nested : scopesIn(state)) {
        JsonNode found = find(nested, name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** A Parallel's branches, a Map's processor. */
  private static List<JsonNode> scopesIn(JsonNode state) {
    List<JsonNode> scopes = new ArrayList<>();
    state.path("Branches").forEach(scopes::add);
    for (String processor : List.of("ItemProcessor", "Iterator")) {
      if (state.has(processor)) {
        scopes.add(state.get(processor));
      }
    }
    return scopes;
  }

  /** Whether a state named {@code name} is inside this state (a Parallel branch, a Map processor). */
  boolean contains(String name) {
    for (JsonNode scope : scopesIn(node)) {
      if (find(scope, name) != null) {
        return true;
      }
    }
    return false;
  }

  /** InvalidDefinition with every problem, as CreateStateMachine words it. */
  private static void reject(List<Problem> problems) {
    if (problems.isEmpty()) {
      return;
    }
    List<String> parts = new ArrayList<>();
    for (Problem p : problems) {
      parts.add(p.code() + ": " + p.message() + " at " + p.location());
    }
    throw Refusal.invalidDefinition(
        "Invalid State Machine Definition: '" + String.join(", ", parts) + "'");
  }
}
