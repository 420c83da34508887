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
  /** JSONata rules: Condition, Next, and the rule's own Output and Assign. */
  final List<JsonataRule> jsonataRules;

  record JsonataRule(JsonataTemplate condition, String next, JsonataTemplate output,
      JsonataTemplate assign) {}

  ChoiceState(String name, JsonNode node, boolean machineJsonata) {
    super(name, node, machineJsonata);
    List<ChoiceRule> rules = new ArrayList<>();
    if (!jsonata) {
      node.path("Choices").forEach(n -> rules.add(ChoiceRule.parse(n)));
    }
    this.choices = List.copyOf(rules);
    List<PayloadTemplate> assigns = new ArrayList<>();
    List<JsonataRule> jsonataRules = new ArrayList<>();
    for (JsonNode n : node.path("Choices")) {
      if (jsonata) {
        jsonataRules.add(new JsonataRule(JsonataTemplate.compile("Condition", n.get("Condition")),
            text(n, "Next"), JsonataTemplate.compile("Output", n.get("Output")),
            JsonataTemplate.compile("Assign", n.get("Assign"))));
        assigns.add(null);
      } else {
        assigns.add(PayloadTemplate.compile(n.get("Assign")));
      }
    }
    this.jsonataRules = List.copyOf(jsonataRules);
    this.ruleAssigns = java.util.Collections.unmodifiableList(assigns);
    this.defaultNext = text(node, "Default");
    this.usesContext = Json.text(node.path("Choices")).contains("$$");
  }
}
