package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Choice: the first matching rule's Next, else Default, else States.NoChoiceMatched. */
final class ChoiceState extends State {
  final List<ChoiceRule> choices;
  final String defaultNext;
  final boolean usesContext;

  ChoiceState(String name, JsonNode node) {
    super(name, node);
    List<ChoiceRule> rules = new ArrayList<>();
    node.path("Choices").forEach(n -> rules.add(ChoiceRule.parse(n)));
    this.choices = List.copyOf(rules);
    this.defaultNext = text(node, "Default");
    this.usesContext = Json.text(node.path("Choices")).contains("$$");
  }
}
