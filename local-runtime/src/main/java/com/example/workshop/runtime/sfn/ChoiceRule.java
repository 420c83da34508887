package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;

/** TEMPORARY stub until the exprs branch delivers ChoiceRule (deleted at merge). */
final class ChoiceRule {
  private ChoiceRule() {}

  static ChoiceRule parse(JsonNode rule) {
    throw new UnsupportedOperationException("ChoiceRule not merged yet");
  }

  boolean matches(JsonNode input, JsonNode context) {
    return false;
  }

  String next() {
    return null;
  }
}
