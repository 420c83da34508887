package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled, immutable state. JSONPath: path fields hold {@code null} for the JSON-null form
 * ({@code "InputPath": null}); absent fields hold their AWS default {@code "$"}. JSONata: the
 * template fields ({@link #output}, {@link #assignTemplate}, ...) are set instead.
 */
abstract sealed class State
    permits PassState, TaskState, ChoiceState, WaitState, SucceedState, FailState, ParallelState,
        MapState {
  final String name;
  final String type;
  final QueryPath inputPath;
  final QueryPath outputPath;
  final String next;

  State(String name, JsonNode node, boolean machineJsonata) {
    this.name = name;
    this.type = node.path("Type").asText();
    this.inputPath = path(node, "InputPath");
    this.outputPath = path(node, "OutputPath");
    this.next = node.hasNonNull("Next") ? node.get("Next").asText() : null;
    this.jsonata = node.has("QueryLanguage")
        ? "JSONata".equals(node.path("QueryLanguage").asText()) : machineJsonata;
    this.assign = jsonata ? null : PayloadTemplate.compile(node.get("Assign"));
    this.assignTemplate = jsonata ? JsonataTemplate.compile("Assign", node.get("Assign")) : null;
    this.output = jsonata ? JsonataTemplate.compile("Output", node.get("Output")) : null;
    this.enteredEvent = type + "StateEntered";
    this.exitedEvent = type + "StateExited";
  }

  /** The state's query language is JSONata (its own QueryLanguage, else the machine's). */
  final boolean jsonata;

  /** JSONPath Assign: variable name → value, {@code .$} keys evaluated; null when absent. */
  final PayloadTemplate assign;

  /** JSONata Assign and Output; null when absent or in a JSONPath state. */
  final JsonataTemplate assignTemplate;
  final JsonataTemplate output;

  /** History event types, e.g. TaskStateEntered / TaskStateExited. */
  final String enteredEvent;
  final String exitedEvent;

  static QueryPath path(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null) {
      return QueryPath.of("$");
    }
    return v.isNull() ? null : QueryPath.of(v.asText());
  }

  static Integer integer(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isNumber() ? null : v.asInt();
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static State compile(String name, JsonNode node, boolean machineJsonata) {
    boolean m = machineJsonata;
    return switch (node.path("Type").asText()) {
      case "Pass" -> new PassState(name, node, m);
      case "Task" -> new TaskState(name, node, m);
      case "Choice" -> new ChoiceState(name, node, m);
      case "Wait" -> new WaitState(name, node, m);
      case "Succeed" -> new SucceedState(name, node, m);
      case "Fail" -> new FailState(name, node, m);
      case "Parallel" -> new ParallelState(name, node, m);
      case "Map" -> new MapState(name, node, m);
      default -> throw new IllegalArgumentException(
          "state '" + name + "' has unsupported Type '" + node.path("Type").asText() + "'");
    };
  }

  /** Shared by Task, Parallel and Map: result shaping and error handling. */
  static final class ErrorHandling {
    final PayloadTemplate resultSelector;
    final QueryPath resultPath;
    final List<Retrier> retriers;
    final List<Catcher> catchers;

    ErrorHandling(JsonNode node, boolean jsonata) {
      this.resultSelector = PayloadTemplate.compile(node.get("ResultSelector"));
      this.resultPath = path(node, "ResultPath");
      List<Retrier> r = new ArrayList<>();
      node.path("Retry").forEach(n -> r.add(new Retrier(n)));
      this.retriers = List.copyOf(r);
      List<Catcher> c = new ArrayList<>();
      node.path("Catch").forEach(n -> c.add(new Catcher(n, jsonata)));
      this.catchers = List.copyOf(c);
    }
  }
}
