package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One Catch entry; ResultPath defaults to {@code $} (the error output replaces the input). */
final class Catcher {
  final List<String> errorEquals;
  final String next;
  final QueryPath resultPath;
  /** Replaces the state's Assign when this catcher handles the error ({@code $} = error output). */
  final PayloadTemplate assign;

  /** JSONata Output and Assign ({@code $states.errorOutput}); null in JSONPath states. */
  final JsonataTemplate output;
  final JsonataTemplate assignTemplate;

  Catcher(JsonNode node, boolean jsonata) {
    List<String> names = new ArrayList<>();
    node.path("ErrorEquals").forEach(n -> names.add(n.asText()));
    this.errorEquals = List.copyOf(names);
    this.next = node.path("Next").asText();
    this.resultPath = State.path(node, "ResultPath");
    this.assign = jsonata ? null : PayloadTemplate.compile(node.get("Assign"));
    this.output = jsonata ? JsonataTemplate.compile("Output", node.get("Output")) : null;
    this.assignTemplate = jsonata ? JsonataTemplate.compile("Assign", node.get("Assign")) : null;
  }

  boolean matches(String error) {
    return ErrorNames.matches(errorEquals, error);
  }
}
