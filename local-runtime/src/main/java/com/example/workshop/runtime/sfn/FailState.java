package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;

/** Fail: Error/ErrorPath and Cause/CausePath (paths or string intrinsics). */
final class FailState extends State {
  final String error;
  final String errorPath;
  final String cause;
  final String causePath;
  /** JSONata: Error and Cause, each a literal or an expression. */
  final JsonataTemplate errorTemplate;
  final JsonataTemplate causeTemplate;

  FailState(String name, JsonNode node, boolean machineJsonata) {
    super(name, node, machineJsonata);
    this.error = text(node, "Error");
    this.errorPath = text(node, "ErrorPath");
    this.cause = text(node, "Cause");
    this.causePath = text(node, "CausePath");
    this.errorTemplate = jsonata ? JsonataTemplate.compile("Error", node.get("Error")) : null;
    this.causeTemplate = jsonata ? JsonataTemplate.compile("Cause", node.get("Cause")) : null;
  }
}
