package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Choice: the first matching rule's Next, else Default, else States.NoChoiceMatched. */
final class ChoiceState extends State {
  final List<ChoiceRule> choices;
  final String defaultNext;
  final boolean usesContext;
  /** Assign of each rule (null where absent); a matching rule's Assign replaces the state's. */
  final List<PayloadTemplate> ruleAssigns;

  ChoiceState(String name, JsonNode node) {
    super(name, node);
    List<ChoiceRule> rules = new ArrayList<>();
    if (!jsonata) {
      node.path("Choices").forEach(n -> rules.add(ChoiceRule.parse(n)));
    }
    this.choices = List.copyOf(rules);
    List<PayloadTemplate> assigns = new ArrayList<>();
    node.path("Choices").forEach(n -> assigns.add(PayloadTemplate.compile(n.get("Assign"))));
    this.ruleAssigns = java.util.Collections.unmodifiableList(assigns);
    this.defaultNext = text(node, "Default");
    this.usesContext = Json.text(node.path("Choices")).contains("$$");
  }
}
