package com.example.workshop.runtime.sfn.internal.definition;

import com.example.workshop.runtime.sfn.internal.asl.Limits;
import com.example.workshop.runtime.sfn.internal.asl.Timestamps;
import com.example.workshop.runtime.sfn.internal.model.StateType;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.Intrinsics;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.PathSyntax;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks CreateStateMachine / ValidateStateMachineDefinition run before accepting a
 * definition, with AWS's codes and, where AWS's wording is recorded, its wording. Everything
 * reported here would make AWS reject the definition.
 */
final class DefinitionValidator {
  static final String SCHEMA = "SCHEMA_VALIDATION_FAILED";
  static final String MISSING_TARGET = "MISSING_TRANSITION_TARGET";
  static final String NO_END = "MISSING_END_STATE";
  static final String DUPLICATE_NAME = "DUPLICATE_STATE_NAME";
  static final String INVALID_NAME = "INVALID_STATE_NAME";

  static final String JSONPATH = "JSONPath";
  static final String JSONATA = "JSONata";
  static final List<String> TYPES = StateType.NAMES;
  private static final Set<String> ROOT_FIELDS =
      Set.of("Comment", "StartAt", "States", "TimeoutSeconds", "Version", "QueryLanguage");
  private static final Set<String> WITH_TRANSITION = Set.of("Task", "Parallel", "Map", "Pass", "Wait");
  private static final Set<String> WITH_ERROR_HANDLING = Set.of("Task", "Parallel", "Map");
  private static final int MAX_NAME_LENGTH = 80;
  private static final long MAX_SECONDS = Limits.MAX_SECONDS;

  private final LineLocator lines;
  private final List<Problem> out = new ArrayList<>();
  private final Map<String, String> statePointers = new HashMap<>();
  private String machineLanguage = JSONPATH;

  private DefinitionValidator(LineLocator lines) {
    this.lines = lines;
  }

  /** All problems found, in document order; empty when AWS would accept the definition. */
  static List<Problem> validate(JsonNode definition, LineLocator lines) {
    DefinitionValidator v = new DefinitionValidator(lines == null ? LineLocator.none() : lines);
    v.root(definition);
    return List.copyOf(v.out);
  }

  // ---------------------------------------------------------------- top level and scopes

  private void root(JsonNode def) {
    if (def == null || !def.isObject()) {
      report(SCHEMA, null, "Definition must be a valid JSON object", 0);
      return;
    }
    List<String> missing = new ArrayList<>();
    if (!def.has("States")) {
      missing.add("States");
    }
    if (!def.has("StartAt")) {
      missing.add("StartAt");
    }
    if (!missing.isEmpty()) {
      report(SCHEMA, "/", "These fields are required: " + missing);
    }
    unsupported(def, "/", ROOT_FIELDS);
    JsonNode ql = def.get("QueryLanguage");
    if (ql != null) {
      if (queryLanguage(ql, "/QueryLanguage")) {
        machineLanguage = ql.asText();
      }
    }
    optionalString(def, "/", "Comment");
    optionalString(def, "/", "Version");
    if (def.has("TimeoutSeconds")) {
      integer(def.get("TimeoutSeconds"), "/TimeoutSeconds", "TimeoutSeconds", 1, MAX_SECONDS);
    }
    scope(def, "", true);
  }

  /** A machine, a Parallel branch or a Map processor: StartAt, States and the graph they form. */
  private void scope(JsonNode scope, String pointer, boolean root) {
    if (!root) {
      List<String> missing = new ArrayList<>();
      if (!scope.has("States")) {
        missing.add("States");
      }
      if (!scope.has("StartAt")) {
        missing.add("StartAt");
      }
      if (!missing.isEmpty()) {
        report(SCHEMA, at(pointer), "These fields are required: " + missing);
      }
    }
    JsonNode startAt = scope.get("StartAt");
    if (startAt != null && !startAt.isTextual()) {
      report(SCHEMA, pointer + "/StartAt", "The value for the field 'StartAt' must be a string");
      startAt = null;
    }
    JsonNode states = scope.get("States");
    if (states == null) {
      return;
    }
    String statesPointer = pointer + "/States";
    if (!states.isObject()) {
      report(SCHEMA, statesPointer, "The value for the field 'States' must be an object");
      return;
    }
    Map<String, List<Transition>> graph = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String statePointer = LineLocator.child(statesPointer, e.getKey());
      List<Transition> transitions = new ArrayList<>();
      state(e.getKey(), e.getValue(), statePointer, transitions);
      graph.put(e.getKey(), transitions);
    }
    graph(startAt == null ? null : startAt.asText(), pointer, statesPointer, states, graph);
  }

  record Transition(String target, String pointer) {}

  private void graph(String startAt, String pointer, String statesPointer, JsonNode states,
      Map<String, List<Transition>> graph) {
    List<Transition> all = new ArrayList<>();
    if (startAt != null) {
      all.add(new Transition(startAt, pointer + "/StartAt"));
    }
    graph.values().forEach(all::addAll);
    for (Transition t : all) {
      if (!graph.containsKey(t.target())) {
        report(MISSING_TARGET, t.pointer(), "Missing 'Next' target: " + t.target());
      }
    }
    // AWS's check (recorded answers): a state is "not reachable" when no StartAt, Next, Default
    // or catcher names it, even if the state that names it is itself unreachable.
    // Without a StartAt AWS reports only the missing field.
    Set<String> referenced = new HashSet<>();
    all.forEach(t -> referenced.add(t.target()));
    for (String name : graph.keySet()) {
      if (startAt != null && !referenced.contains(name)) {
        report(MISSING_TARGET, LineLocator.child(statesPointer, name),
            "State \"" + name + "\" is not reachable.");
      }
    }
    boolean terminal = false;
    for (Iterator<JsonNode> it = states.elements(); it.hasNext(); ) {
      JsonNode s = it.next();
      String type = s.path("Type").asText("");
      if (type.equals("Succeed") || type.equals("Fail") || s.path("End").asBoolean(false)) {
        terminal = true;
      }
    }
    if (!terminal && !graph.isEmpty()) {
      // AWS locates this one at "null" for the machine; nested scopes point at the scope.
      out.add(new Problem(NO_END, pointer.isEmpty() ? null : pointer,
          "Workflow has no terminal state", lines.lineOf(statesPointer)));
    }
  }

  // ---------------------------------------------------------------- states

  private void state(String name, JsonNode state, String pointer, List<Transition> transitions) {
    String previous = statePointers.putIfAbsent(name, pointer);
    if (previous != null) {
      report(DUPLICATE_NAME, pointer, "Duplicate State name: " + name + " (also at " + previous
          + "); state names must be unique in the whole state machine, nested ones included");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      report(INVALID_NAME, pointer, "State name '" + name + "' is " + name.length()
          + " characters long; the maximum is " + MAX_NAME_LENGTH);
    }
    if (!state.isObject()) {
      report(SCHEMA, pointer, "The value for the state '" + name + "' must be an object");
      return;
    }
    JsonNode typeNode = state.get("Type");
    if (typeNode == null) {
      report(SCHEMA, pointer, "These fields are required: [Type]");
      return;
    }
    String type = typeNode.asText();
    if (!typeNode.isTextual() || !TYPES.contains(type)) {
      report(SCHEMA, pointer + "/Type", "The field 'Type' should have one of these values: " + TYPES);
      return;
    }
    String language = machineLanguage;
    JsonNode ql = state.get("QueryLanguage");
    if (ql != null && queryLanguage(ql, pointer + "/QueryLanguage")) {
      if (ql.asText().equals(JSONPATH) && machineLanguage.equals(JSONATA)) {
        report(SCHEMA, pointer,
            "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine");
      }
      language = ql.asText();
    }
    StateFields.check(this, type, language, state, pointer);
    optionalString(state, pointer, "Comment");
    if (WITH_TRANSITION.contains(type)) {
      nextOrEnd(state, pointer, transitions);
    }
    boolean jsonata = language.equals(JSONATA);
    if (!jsonata) {
      for (String f : List.of("InputPath", "OutputPath")) {
        if (state.has(f) && !state.get(f).isNull()) {
          path(state.get(f), pointer + "/" + f, f, false);
        }
      }
      if (state.has("ResultPath") && !state.get("ResultPath").isNull()) {
        resultPath(state.get("ResultPath"), pointer + "/ResultPath");
      }
      for (String f : List.of("Parameters", "ResultSelector")) {
        if (state.has(f)) {
          template(state.get(f), pointer + "/" + f, f);
        }
      }
      if (state.has("Assign")) {
        template(state.get("Assign"), pointer + "/Assign", "Assign");
      }
    }
    switch (type) {
      case "Task" -> StateChecks.task(this, state, pointer, jsonata);
      case "Wait" -> StateChecks.waitState(this, state, pointer, jsonata);
      case "Fail" -> StateChecks.fail(this, state, pointer, jsonata);
      case "Choice" -> StateChecks.choice(this, state, pointer, jsonata, transitions);
      case "Parallel" -> parallel(state, pointer);
      case "Map" -> map(state, pointer, jsonata);
      default -> { }
    }
    if (WITH_ERROR_HANDLING.contains(type)) {
      StateChecks.retriers(this, state.get("Retry"), pointer + "/Retry");
      StateChecks.catchers(this, state.get("Catch"), pointer + "/Catch", jsonata, transitions);
    }
  }

  private void nextOrEnd(JsonNode state, String pointer, List<Transition> transitions) {
    JsonNode next = state.get("Next");
    JsonNode end = state.get("End");
    if (end != null && !(end.isBoolean() && end.asBoolean())) {
      report(SCHEMA, pointer + "/End", "The value for the field 'End' must be true");
    }
    if (next != null && end != null) {
      report(SCHEMA, pointer, "Fields 'Next' and 'End' are mutually exclusive: a state either"
          + " continues with 'Next' or ends with \"End\": true");
    } else if (next == null && end == null) {
      report(SCHEMA, pointer, "One of these fields is required: [Next, End]");
    }
    if (next != null) {
      if (next.isTextual()) {
        transitions.add(new Transition(next.asText(), pointer + "/Next"));
      } else {
        report(SCHEMA, pointer + "/Next", "The value for the field 'Next' must be a string");
      }
    }
  }

  private void parallel(JsonNode state, String pointer) {
    JsonNode branches = state.get("Branches");
    String bp = pointer + "/Branches";
    if (branches == null) {
      report(SCHEMA, pointer, "These fields are required: [Branches]");
      return;
    }
    if (!branches.isArray()) {
      report(SCHEMA, bp, "The value for the field 'Branches' must be an array");
      return;
    }
    if (branches.isEmpty()) {
      report(SCHEMA, bp, "Value cannot be empty");
    }
    for (int i = 0; i < branches.size(); i++) {
      // AWS refuses QueryLanguage on a Map's ItemProcessor (recorded); for branches it is
      // unrecorded and AWS's language service allows it, so it is accepted (and ignored: nested
      // states inherit the machine's language).
      nested(branches.get(i), LineLocator.child(bp, i),
          Set.of("StartAt", "States", "Comment", "QueryLanguage"));
    }
  }

  private void map(JsonNode state, String pointer, boolean jsonata) {
    boolean processor = state.has("ItemProcessor");
    boolean iterator = state.has("Iterator");
    if (processor && iterator) {
      report(SCHEMA, pointer, "Fields 'ItemProcessor' and 'Iterator' are mutually exclusive"
          + " ('Iterator' is the deprecated name of 'ItemProcessor')");
    } else if (!processor && !iterator) {
      report(SCHEMA, pointer, "These fields are required: [ItemProcessor]");
    }
    Set<String> fields = Set.of("StartAt", "States", "Comment", "ProcessorConfig");
    if (processor) {
      nested(state.get("ItemProcessor"), pointer + "/ItemProcessor", fields);
    }
    if (iterator) {
      nested(state.get("Iterator"), pointer + "/Iterator", fields);
    }
    StateChecks.mapFields(this, state, pointer, jsonata);
  }

  private void nested(JsonNode scope, String pointer, Set<String> allowed) {
    if (scope == null || !scope.isObject()) {
      report(SCHEMA, pointer, "The value must be an object with the fields StartAt and States");
      return;
    }
    unsupported(scope, pointer, allowed);
    optionalString(scope, pointer, "Comment");
    JsonNode config = scope.get("ProcessorConfig");
    if (config != null && allowed.contains("ProcessorConfig")) {
      String cp = pointer + "/ProcessorConfig";
      if (!config.isObject()) {
        report(SCHEMA, cp, "The value for the field 'ProcessorConfig' must be an object");
      } else {
        unsupported(config, cp, Set.of("Mode", "ExecutionType"));
        oneOf(config, cp, "Mode", List.of("INLINE", "DISTRIBUTED"));
        oneOf(config, cp, "ExecutionType", List.of("STANDARD", "EXPRESS"));
      }
    }
    scope(scope, pointer, false);
  }

  // ---------------------------------------------------------------- shared field checks

  boolean queryLanguage(JsonNode ql, String pointer) {
    if (ql.isTextual() && (ql.asText().equals(JSONPATH) || ql.asText().equals(JSONATA))) {
      return true;
    }
    report(SCHEMA, pointer, "The field 'QueryLanguage' should have one of these values: [JSONPath, JSONata]");
    return false;
  }

  void unsupported(JsonNode node, String pointer, Set<String> allowed) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        reportField(SCHEMA, at(pointer), f, "Field '" + f + "' is not supported");
      }
    }
  }

  void optionalString(JsonNode node, String pointer, String field) {
    JsonNode v = node.get(field);
    if (v != null && !v.isTextual()) {
      report(SCHEMA, LineLocator.child(at(pointer), field),
          "The value for the field '" + field + "' must be a string");
    }
  }

  void oneOf(JsonNode node, String pointer, String field, List<String> values) {
    JsonNode v = node.get(field);
    if (v != null && !(v.isTextual() && values.contains(v.asText()))) {
      report(SCHEMA, pointer + "/" + field,
          "The field '" + field + "' should have one of these values: " + values);
    }
  }

  /** An integer in [min, max]; returns it, or null after reporting. */
  Long integer(JsonNode v, String pointer, String field, long min, long max) {
    if (v.isIntegralNumber() && v.canConvertToLong() && v.asLong() >= min && v.asLong() <= max) {
      return v.asLong();
    }
    String range = max == MAX_SECONDS || max == Integer.MAX_VALUE
        ? (min == 0 ? "a non-negative integer" : min == 1 ? "a positive integer" : "an integer >= " + min)
        : "an integer between " + min + " and " + max;
    report(SCHEMA, pointer, "The value for the field '" + field + "' must be " + range);
    return null;
  }

  void path(JsonNode v, String pointer, String field, boolean reference) {
    String reason = v.isTextual() ? PathSyntax.check(v.asText(), reference) : "it is not a string";
    if (reason != null) {
      report(SCHEMA, pointer, "The value for the field '" + field + "' must be a valid "
          + (reference ? "reference path" : "JSONPath") + " (" + reason + ")");
    }
  }

  private void resultPath(JsonNode v, String pointer) {
    if (v.isTextual() && v.asText().startsWith("$$")) {
      report(SCHEMA, pointer, "The value for the field 'ResultPath' must be a valid reference path"
          + " (it cannot write into the context object '$$')");
      return;
    }
    path(v, pointer, "ResultPath", true);
  }

  /**
   * A payload template (Parameters, ResultSelector, ItemSelector, Assign...): every key ending in
   * {@code .$} takes a JSONPath or an intrinsic function call.
   */
  void template(JsonNode node, String pointer, String field) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        JsonNode value = e.getValue();
        if (key.endsWith(".$")) {
          String plain = key.substring(0, key.length() - 2);
          if (node.has(plain)) {
            report(SCHEMA, at(pointer), "Fields '" + plain + "' and '" + key + "' both produce the"
                + " key '" + plain + "'; keep one of them");
          }
          boolean ok = value.isTextual() && (isCall(value.asText())
              ? intrinsicProblem(value.asText()) == null
              : PathSyntax.check(value.asText(), false) == null);
          if (!ok) {
            report(SCHEMA, at(pointer), "The value for the field '" + key
                + "' must be a valid JSONPath or a valid intrinsic function call");
          }
        } else if (value.isContainerNode()) {
          template(value, LineLocator.child(at(pointer), key), field);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        template(node.get(i), LineLocator.child(at(pointer), i), field);
      }
    }
  }

  /** A {@code .$} value not starting with {@code $} is meant as an intrinsic function call. */
  static boolean isCall(String value) {
    return !value.startsWith("$");
  }

  /** Null when the call is well-formed (the same parser the engine runs), else why not. */
  static String intrinsicProblem(String expression) {
    try {
      Intrinsics.checkSyntax(expression);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  void timestamp(JsonNode v, String pointer) {
    if (!v.isTextual() || !Timestamps.isValid(v.asText())) {
      report(SCHEMA, pointer, "String does not match RFC3339 timestamp");
    }
  }

  void transition(JsonNode next, String pointer, List<Transition> transitions) {
    if (next != null && next.isTextual()) {
      transitions.add(new Transition(next.asText(), pointer));
    } else if (next != null) {
      report(SCHEMA, pointer, "The value for the field 'Next' must be a string");
    }
  }

  void report(String code, String pointer, String message) {
    out.add(new Problem(code, pointer, message, lines.lineOf(pointer)));
  }

  /** Located at the object, as AWS does, but on the line of the offending field. */
  void reportField(String code, String pointer, String field, String message) {
    out.add(new Problem(code, pointer, message, lines.lineOf(LineLocator.child(pointer, field))));
  }

  private void report(String code, String pointer, String message, int line) {
    out.add(new Problem(code, pointer, message, line));
  }

  static String at(String pointer) {
    return pointer.isEmpty() ? "/" : pointer;
  }
}
