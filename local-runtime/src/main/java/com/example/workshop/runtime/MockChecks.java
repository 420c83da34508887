package com.example.workshop.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code run} checks in a mock file before the engine reads it, to name the fix: a state
 * machine name, a test case or a state name that is not there, with the closest one that is.
 */
final class MockChecks {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private MockChecks() {}

  static void check(Path mockFile, String testCase, String stateMachineName, String definitionText) {
    String text = InputText.read(mockFile.toString(), "mock config", null, InputText.Limit.FILE);
    JsonNode mock;
    JsonNode definition;
    try {
      mock = MAPPER.readTree(text);
      definition = StateNames.tree(definitionText);
    } catch (Exception e) {
      return; // the engine reports a file that is not JSON, with its line
    }
    JsonNode machines = mock.path("StateMachines");
    if (!machines.isObject()) {
      return;
    }
    JsonNode machine = machines.get(stateMachineName);
    if (machine == null) {
      throw new UsageException(mockFile + " has no state machine named '" + stateMachineName
          + "' under StateMachines" + Suggestions.didYouMean(stateMachineName, names(machines))
          + "; name it with --state-machine-name");
    }
    JsonNode cases = machine.path("TestCases");
    JsonNode states = cases.get(testCase);
    if (states == null) {
      throw new UsageException(mockFile + " has no test case '" + testCase + "' for state machine '"
          + stateMachineName + "'" + Suggestions.didYouMean(testCase, names(cases)));
    }
    Set<String> known = new LinkedHashSet<>();
    collectStateNames(definition, known);
    for (String state : names(states)) {
      if (!known.contains(state)) {
        throw new UsageException(mockFile + ": test case '" + testCase + "' mocks state '" + state
            + "', which the definition does not have" + Suggestions.didYouMean(state, known));
      }
    }
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Every state's name, in Parallel branches and Map processors too. */
  private static void collectStateNames(JsonNode node, Set<String> names) {
    if (node.isObject()) {
      JsonNode states = node.get("States");
      if (states != null && states.isObject() && node.has("StartAt")) {
        names.addAll(names(states));
      }
      for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
        collectStateNames(e.getValue(), names);
      }
    } else if (node.isArray()) {
      node.forEach(n -> collectStateNames(n, names));
    }
  }
}
