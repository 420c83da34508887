package com.example.workshop.runtime;

import com.example.workshop.runtime.sfn.Diagnostic;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** "Did you mean" for a transition to a state that does not exist: the closest state of the same scope. */
final class StateNames {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
  private static final String MISSING_TARGET = "MISSING_TRANSITION_TARGET";
  private static final String PREFIX = "Missing 'Next' target: ";

  private final JsonNode definition;

  private StateNames(JsonNode definition) {
    this.definition = definition;
  }

  /** Reads the definition once for many diagnostics; a definition that is not JSON gives no suggestions. */
  static StateNames of(String definitionText) {
    try {
      return new StateNames(tree(definitionText));
    } catch (Exception e) {
      return new StateNames(null);
    }
  }

  /** The definition as a tree, JSON or YAML (a definition not starting with '{' is YAML, as the engine reads it). */
  static JsonNode tree(String definitionText) throws java.io.IOException {
    return definitionText.stripLeading().startsWith("{") ? MAPPER.readTree(definitionText)
        : YAML.readTree(definitionText);
  }

  /** " (did you mean 'X'?)" for a missing transition target close to a state's name, else "". */
  String suggestion(Diagnostic d) {
    if (definition == null || !MISSING_TARGET.equals(d.code()) || d.location() == null
        || !d.message().startsWith(PREFIX)) {
      return "";
    }
    String target = d.message().substring(PREFIX.length());
    List<String> segments = new ArrayList<>(Arrays.asList(d.location().split("/", -1)));
    segments.remove(0); // the pointer's leading empty segment
    List<String> scope;
    if (!segments.isEmpty() && segments.get(segments.size() - 1).equals("StartAt")) {
      scope = new ArrayList<>(segments.subList(0, segments.size() - 1));
      scope.add("States");
    } else {
      int states = segments.subList(0, Math.max(0, segments.size() - 1)).lastIndexOf("States");
      if (states < 0) {
        return "";
      }
      scope = segments.subList(0, states + 1);
    }
    JsonNode states = definition.at(JsonPointer.compile("/" + String.join("/", scope)));
    List<String> names = new ArrayList<>();
    states.fieldNames().forEachRemaining(names::add);
    return Suggestions.didYouMean(target, names);
  }

  /** Every state name of the definition, inside Parallel branches and Map processors too. */
  Set<String> all() {
    Set<String> names = new TreeSet<>();
    if (definition != null) {
      collect(definition, names);
    }
    return names;
  }

  private static void collect(JsonNode node, Set<String> names) {
    if (node.isObject() && node.path("States").isObject()) {
      node.get("States").fieldNames().forEachRemaining(names::add);
    }
    node.forEach(child -> collect(child, names));
  }
}
