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

  Catcher(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.path("ErrorEquals").forEach(n -> names.add(n.asText()));
    this.errorEquals = List.copyOf(names);
    this.next = node.path("Next").asText();
    this.resultPath = State.path(node, "ResultPath");
    this.assign = PayloadTemplate.compile(node.get("Assign"));
  }

  boolean matches(String error) {
    return ErrorNames.matches(errorEquals, error);
  }
}
