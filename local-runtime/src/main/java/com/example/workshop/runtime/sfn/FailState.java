package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;

/** Fail: Error/ErrorPath and Cause/CausePath (paths or string intrinsics). */
final class FailState extends State {
  final String error;
  final String errorPath;
  final String cause;
  final String causePath;

  FailState(String name, JsonNode node) {
    super(name, node);
    this.error = text(node, "Error");
    this.errorPath = text(node, "ErrorPath");
    this.cause = text(node, "Cause");
    this.causePath = text(node, "CausePath");
  }
}
