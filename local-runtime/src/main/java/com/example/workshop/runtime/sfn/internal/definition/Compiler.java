package com.example.workshop.runtime.sfn.internal.definition;

import static com.example.workshop.runtime.sfn.internal.definition.Checks.SCHEMA;

import com.example.workshop.runtime.sfn.internal.asl.Limits;
import com.example.workshop.runtime.sfn.internal.definition.Checks.Transition;
import com.example.workshop.runtime.sfn.internal.model.Branch;
import com.example.workshop.runtime.sfn.internal.model.Machine;
import com.example.workshop.runtime.sfn.internal.model.ParallelState;
import com.example.workshop.runtime.sfn.internal.model.State;
import com.example.workshop.runtime.sfn.internal.model.StateType;
import com.example.workshop.runtime.sfn.internal.query.StateIo;
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
 * The one pass over a definition: every check CreateStateMachine / ValidateStateMachineDefinition
 * runs (AWS's codes, and its wording where recorded) and, from the same reading of each field, the
 * executable model. What {@code validate} reports is exactly what stops a machine from being built.
 */
public final class Compiler {
  static final String MISSING_TARGET = "MISSING_TRANSITION_TARGET";
  static final String NO_END = "MISSING_END_STATE";
  static final String DUPLICATE_NAME = "DUPLICATE_STATE_NAME";
  static final String INVALID_NAME = "INVALID_STATE_NAME";
  static final String JSONPATH = "JSONPath";
  static final String JSONATA = "JSONata";
  private static final Set<String> ROOT_FIELDS =
      Set.of("Comment", "StartAt", "States", "TimeoutSeconds", "Version", "QueryLanguage");
  private static final int MAX_NAME_LENGTH = 80;

  /** The model (null when there are problems) and every problem, in document order. */
  public record Result(Machine machine, List<Problem> problems) {}

  private final Checks checks;
  private final Map<String, String> statePointers = new HashMap<>();
  private boolean machineJsonata;

  private Compiler(LineLocator lines) {
    this.checks = new Checks(lines);
  }

  public static Result compile(JsonNode definition, LineLocator lines) {
    Compiler c = new Compiler(lines);
    Machine machine = c.root(definition);
    List<Problem> problems = c.checks.problems();
    return new Result(problems.isEmpty() ? machine : null, problems);
  }

  /**
   * One state compiled alone, as TestState reads it: at {@code /States/NAME}, in the machine's
   * query language, its transitions unchecked (the states it names are not there).
   */
  public static StateResult compileState(String name, JsonNode state, boolean machineJsonata,
      LineLocator lines) {
    Compiler c = new Compiler(lines);
    c.machineJsonata = machineJsonata;
    State s = c.state(name, state, LineLocator.child("/States", name), new ArrayList<>());
    List<Problem> problems = c.checks.problems();
    return new StateResult(problems.isEmpty() ? s : null, problems);
  }

  /** A state compiled alone (null when there are problems) and its problems. */
  public record StateResult(State state, List<Problem> problems) {}

  private Machine root(JsonNode def) {
    if (def == null || !def.isObject()) {
      checks.report(SCHEMA, null, "Definition must be a valid JSON object");
      return null;
    }
    required(def, "/");
    checks.unsupported(def, "/", ROOT_FIELDS);
    JsonNode ql = def.get("QueryLanguage");
    if (ql != null && queryLanguage(ql, "/QueryLanguage")) {
      machineJsonata = ql.asText().equals(JSONATA);
    }
    checks.optionalString(def, "/", "Comment");
    checks.optionalString(def, "/", "Version");
    Long timeout = null;
    if (def.has("TimeoutSeconds")) {
      timeout = checks.integer(def.get("TimeoutSeconds"), "/TimeoutSeconds", "TimeoutSeconds", 1,
          Limits.MAX_SECONDS);
    }
    Branch top = scope(def, "");
    return new Machine(top, timeout);
  }

  private void required(JsonNode scope, String pointer) {
    List<String> missing = new ArrayList<>();
    if (!scope.has("States")) {
      missing.add("States");
    }
    if (!scope.has("StartAt")) {
      missing.add("StartAt");
    }
    if (!missing.isEmpty()) {
      checks.report(SCHEMA, pointer, "These fields are required: " + missing);
    }
  }

  /** A machine, a Parallel branch or a Map processor: StartAt, States and the graph they form. */
  private Branch scope(JsonNode scope, String pointer) {
    if (!pointer.isEmpty()) {
      required(scope, pointer);
    }
    JsonNode startAt = scope.get("StartAt");
    if (startAt != null && !startAt.isTextual()) {
      checks.report(SCHEMA, pointer + "/StartAt",
          "The value for the field 'StartAt' must be a string");
      startAt = null;
    }
    JsonNode states = scope.get("States");
    if (states == null) {
      return null;
    }
    String statesPointer = pointer + "/States";
    if (!states.isObject()) {
      checks.report(SCHEMA, statesPointer, "The value for the field 'States' must be an object");
      return null;
    }
    Map<String, List<Transition>> graph = new LinkedHashMap<>();
    Map<String, State> compiled = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      List<Transition> transitions = new ArrayList<>();
      State s = state(e.getKey(), e.getValue(), LineLocator.child(statesPointer, e.getKey()),
          transitions);
      if (s != null) {
        compiled.put(e.getKey(), s);
      }
      graph.put(e.getKey(), transitions);
    }
    graph(startAt == null ? null : startAt.asText(), pointer, statesPointer, states, graph);
    return startAt == null ? null : new Branch(startAt.asText(), compiled);
  }

  private void graph(String startAt, String pointer, String statesPointer, JsonNode states,
      Map<String, List<Transition>> graph) {
    List<Transition> all = new ArrayList<>();
    if (startAt != null) {
      all.add(new Transition(startAt, pointer + "/StartAt"));
    }
    graph.values().forEach(all::addAll);
    for (Transition t : all) {
      if (!graph.containsKey(t.target())) {
        checks.report(MISSING_TARGET, t.pointer(), "Missing 'Next' target: " + t.target());
      }
    }
    // AWS's check (recorded answers): a state is "not reachable" when no StartAt, Next, Default
    // or catcher names it, even if the state that names it is itself unreachable.
    // Without a StartAt AWS reports only the missing field.
    Set<String> referenced = new HashSet<>();
    all.forEach(t -> referenced.add(t.target()));
    for (String name : graph.keySet()) {
      if (startAt != null && !referenced.contains(name)) {
        checks.report(MISSING_TARGET, LineLocator.child(statesPointer, name),
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
      checks.reportAtLine(NO_END, pointer.isEmpty() ? null : pointer,
          "Workflow has no terminal state", statesPointer);
    }
  }

  /** One state: its problems, and the compiled state when it has none. */
  private State state(String name, JsonNode state, String pointer, List<Transition> transitions) {
    int before = checks.count();
    String previous = statePointers.putIfAbsent(name, pointer);
    if (previous != null) {
      checks.report(DUPLICATE_NAME, pointer, "Duplicate State name: " + name + " (also at "
          + previous + "); state names must be unique in the whole state machine, nested ones"
          + " included");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      checks.report(INVALID_NAME, pointer, "State name '" + name + "' is " + name.length()
          + " characters long; the maximum is " + MAX_NAME_LENGTH);
    }
    if (!state.isObject()) {
      checks.report(SCHEMA, pointer, "The value for the state '" + name + "' must be an object");
      return null;
    }
    JsonNode typeNode = state.get("Type");
    if (typeNode == null) {
      checks.report(SCHEMA, pointer, "These fields are required: [Type]");
      return null;
    }
    StateType type = typeNode.isTextual() ? StateType.of(typeNode.asText()) : null;
    if (type == null) {
      checks.report(SCHEMA, pointer + "/Type",
          "The field 'Type' should have one of these values: " + StateType.NAMES);
      return null;
    }
    boolean jsonata = machineJsonata;
    JsonNode ql = state.get("QueryLanguage");
    if (ql != null && queryLanguage(ql, pointer + "/QueryLanguage")) {
      if (ql.asText().equals(JSONPATH) && machineJsonata) {
        checks.report(SCHEMA, pointer,
            "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine");
      }
      jsonata = ql.asText().equals(JSONATA);
    }
    StateFields.check(checks, type, jsonata, state, pointer);
    checks.optionalString(state, pointer, "Comment");
    String next = StateFields.flows(type) ? nextOrEnd(state, pointer, transitions) : null;
    Part part = new Part(checks, name, next, state, pointer, jsonata, transitions, before);
    StateIo io = jsonata ? IoCompiler.jsonata(part, type) : IoCompiler.jsonPath(part, type);
    State s = switch (type) {
      case PASS -> StateCompilers.pass(part, io);
      case SUCCEED -> StateCompilers.succeed(part, io);
      case TASK -> StateCompilers.task(part, io);
      case WAIT -> StateCompilers.waitState(part, io);
      case FAIL -> StateCompilers.fail(part, io);
      case CHOICE -> ChoiceCompiler.choice(part, io);
      case PARALLEL -> parallel(part, io);
      case MAP -> MapCompiler.map(part, io, this::nested);
    };
    return checks.count() == before ? s : null;
  }

  /**
   * What the per-type compilers need of the state being compiled; {@code start}: the problem count
   * when the state began, so that a state with problems is not built.
   */
  record Part(Checks checks, String name, String next, JsonNode node, String pointer,
      boolean jsonata, List<Transition> transitions, int start) {
    /** No problem so far in this state: its parts can be assembled. */
    boolean clean() {
      return checks.count() == start;
    }
  }

  private String nextOrEnd(JsonNode state, String pointer, List<Transition> transitions) {
    JsonNode next = state.get("Next");
    JsonNode end = state.get("End");
    if (end != null && !(end.isBoolean() && end.asBoolean())) {
      checks.report(SCHEMA, pointer + "/End", "The value for the field 'End' must be true");
    }
    if (next != null && end != null) {
      checks.report(SCHEMA, pointer, "Fields 'Next' and 'End' are mutually exclusive: a state"
          + " either continues with 'Next' or ends with \"End\": true");
    } else if (next == null && end == null) {
      checks.report(SCHEMA, pointer, "One of these fields is required: [Next, End]");
    }
    if (next == null) {
      return null;
    }
    if (!next.isTextual()) {
      checks.report(SCHEMA, pointer + "/Next", "The value for the field 'Next' must be a string");
      return null;
    }
    transitions.add(new Transition(next.asText(), pointer + "/Next"));
    return next.asText();
  }

  private ParallelState parallel(Part p, StateIo io) {
    JsonNode branches = p.node().get("Branches");
    String bp = p.pointer() + "/Branches";
    List<Branch> compiled = new ArrayList<>();
    if (branches == null) {
      checks.report(SCHEMA, p.pointer(), "These fields are required: [Branches]");
    } else if (!branches.isArray()) {
      checks.report(SCHEMA, bp, "The value for the field 'Branches' must be an array");
    } else {
      if (branches.isEmpty()) {
        checks.report(SCHEMA, bp, "Value cannot be empty");
      }
      for (int i = 0; i < branches.size(); i++) {
        // AWS refuses QueryLanguage on a Map's ItemProcessor (recorded); for branches it is
        // unrecorded and AWS's language service allows it, so it is accepted (and ignored: nested
        // states inherit the machine's language).
        compiled.add(nested(branches.get(i), LineLocator.child(bp, i),
            Set.of("StartAt", "States", "Comment", "QueryLanguage")));
      }
    }
    var handling = ErrorHandlingCompiler.handling(p);
    return p.clean() ? new ParallelState(p.name(), p.next(), io, compiled, handling) : null;
  }

  /** A Parallel branch or a Map processor. */
  Branch nested(JsonNode scope, String pointer, Set<String> allowed) {
    if (scope == null || !scope.isObject()) {
      checks.report(SCHEMA, pointer,
          "The value must be an object with the fields StartAt and States");
      return null;
    }
    checks.unsupported(scope, pointer, allowed);
    checks.optionalString(scope, pointer, "Comment");
    JsonNode config = scope.get("ProcessorConfig");
    if (config != null && allowed.contains("ProcessorConfig")) {
      String cp = pointer + "/ProcessorConfig";
      if (!config.isObject()) {
        checks.report(SCHEMA, cp, "The value for the field 'ProcessorConfig' must be an object");
      } else {
        checks.unsupported(config, cp, Set.of("Mode", "ExecutionType"));
        checks.oneOf(config, cp, "Mode", List.of("INLINE", "DISTRIBUTED"));
        checks.oneOf(config, cp, "ExecutionType", List.of("STANDARD", "EXPRESS"));
      }
    }
    return scope(scope, pointer);
  }

  private boolean queryLanguage(JsonNode ql, String pointer) {
    if (ql.isTextual() && (ql.asText().equals(JSONPATH) || ql.asText().equals(JSONATA))) {
      return true;
    }
    checks.report(SCHEMA, pointer,
        "The field 'QueryLanguage' should have one of these values: [JSONPath, JSONata]");
    return false;
  }
}
