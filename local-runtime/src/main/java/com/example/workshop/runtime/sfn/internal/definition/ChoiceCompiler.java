package com.example.workshop.runtime.sfn.internal.definition;

import static com.example.workshop.runtime.sfn.internal.definition.Checks.SCHEMA;

import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.definition.Compiler.Part;
import com.example.workshop.runtime.sfn.internal.model.ChoiceState;
import com.example.workshop.runtime.sfn.internal.query.StateIo;
import com.example.workshop.runtime.sfn.internal.query.jsonata.JsonataCondition;
import com.example.workshop.runtime.sfn.internal.query.jsonata.JsonataIo;
import com.example.workshop.runtime.sfn.internal.query.jsonata.JsonataTemplate;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.ChoiceOperators;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.ChoiceRule;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.JsonPathCondition;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.JsonPathIo;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.PayloadTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Choice states: JSONPath rules (operators, And/Or/Not) or JSONata Conditions, and Default. */
final class ChoiceCompiler {
  private static final Set<String> JSONATA_RULE_FIELDS =
      Set.of("Condition", "Next", "Comment", "Output", "Assign");
  private static final Set<String> RULE_FIELDS = Set.of("Variable", "Comment", "Next", "Assign");

  private ChoiceCompiler() {}

  static ChoiceState choice(Part p, StateIo io) {
    Checks c = p.checks();
    JsonNode choices = p.node().get("Choices");
    String cp = p.pointer() + "/Choices";
    List<ChoiceState.Rule> rules = new ArrayList<>();
    if (choices == null) {
      c.report(SCHEMA, p.pointer(), "These fields are required: [Choices]");
    } else if (!choices.isArray()) {
      c.report(SCHEMA, cp, "The value for the field 'Choices' must be an array");
    } else {
      if (choices.isEmpty()) {
        c.report(SCHEMA, cp, "Value cannot be empty");
      }
      for (int i = 0; i < choices.size(); i++) {
        String rp = LineLocator.child(cp, i);
        ChoiceState.Rule rule = p.jsonata() ? jsonataRule(p, choices.get(i), rp, io)
            : topRule(p, choices.get(i), rp, io);
        if (rule != null) {
          rules.add(rule);
        }
      }
    }
    c.transition(p.node().get("Default"), p.pointer() + "/Default", p.transitions());
    JsonNode defaultNext = p.node().get("Default");
    return p.clean() ? new ChoiceState(p.name(), io, rules,
        defaultNext == null ? null : defaultNext.asText()) : null;
  }

  private static ChoiceState.Rule jsonataRule(Part p, JsonNode rule, String pointer,
      StateIo io) {
    Checks c = p.checks();
    if (!rule.isObject()) {
      c.report(SCHEMA, pointer, "A choice rule must be an object");
      return null;
    }
    c.unsupported(rule, pointer, JSONATA_RULE_FIELDS);
    List<String> missing = new ArrayList<>();
    if (!rule.has("Condition")) {
      missing.add("Condition");
    }
    if (!rule.has("Next")) {
      missing.add("Next");
    }
    if (!missing.isEmpty()) {
      c.report(SCHEMA, pointer, "These fields are required: " + missing);
    }
    JsonNode condition = rule.get("Condition");
    if (condition != null && !condition.isBoolean() && !Checks.isJsonata(condition)) {
      c.report(SCHEMA, pointer + "/Condition", "The value for the field 'Condition' must be a"
          + " boolean or a JSONata expression {% ... %}");
    }
    c.transition(rule.get("Next"), pointer + "/Next", p.transitions());
    c.jsonataAssign(rule.get("Assign"), pointer + "/Assign");
    return new ChoiceState.Rule(
        new JsonataCondition(JsonataTemplate.compile("Condition", condition)),
        rule.path("Next").asText(), ((JsonataIo) io).withRule(
            JsonataTemplate.compile("Output", rule.get("Output")),
            JsonataTemplate.compile("Assign", rule.get("Assign"))));
  }

  private static ChoiceState.Rule topRule(Part p, JsonNode rule, String pointer, StateIo io) {
    int before = p.checks().count();
    PayloadTemplate[] assign = new PayloadTemplate[1];
    ChoiceRule condition = rule(p, rule, pointer, true, assign);
    if (p.checks().count() != before) {
      return null;
    }
    StateIo ruleIo = assign[0] != null ? ((JsonPathIo) io).withAssign(assign[0]) : io;
    return new ChoiceState.Rule(new JsonPathCondition(condition, Json.text(rule).contains("$$")),
        rule.path("Next").asText(), ruleIo);
  }

  /** A JSONPath rule; {@code assign}: where a top-level rule's compiled Assign goes. */
  private static ChoiceRule rule(Part p, JsonNode rule, String pointer, boolean top,
      PayloadTemplate[] assign) {
    Checks c = p.checks();
    if (!rule.isObject()) {
      c.report(SCHEMA, pointer, "A choice rule must be an object");
      return null;
    }
    List<String> operators = new ArrayList<>();
    for (Iterator<String> it = rule.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (ChoiceOperators.ALL.contains(f) || f.equals("And") || f.equals("Or")
          || f.equals("Not")) {
        operators.add(f);
      } else if (f.equals("Next") && !top) {
        c.reportField(SCHEMA, pointer, "Next", "Field 'Next' is not supported (only top-level"
            + " choice rules have 'Next'; rules inside And/Or/Not do not)");
      } else if (!RULE_FIELDS.contains(f) || (f.equals("Assign") && !top)) {
        c.reportField(SCHEMA, pointer, f, "Field '" + f + "' is not supported");
      }
    }
    if (top) {
      if (!rule.has("Next")) {
        c.report(SCHEMA, pointer, "These fields are required: [Next]");
      }
      c.transition(rule.get("Next"), pointer + "/Next", p.transitions());
      if (rule.has("Assign")) {
        assign[0] = c.assign(rule.get("Assign"), pointer + "/Assign");
      }
    }
    if (operators.size() != 1) {
      c.report(SCHEMA, pointer, operators.isEmpty()
          ? "A choice rule needs a comparison operator (e.g. StringEquals) or And/Or/Not"
          : "A choice rule takes exactly one operator, found " + operators);
      return null;
    }
    String op = operators.get(0);
    JsonNode value = rule.get(op);
    String vp = pointer + "/" + op;
    switch (op) {
      case "And", "Or" -> {
        if (rule.has("Variable")) {
          c.report(SCHEMA, pointer, "Field 'Variable' is not supported together with '" + op + "'");
        }
        if (!value.isArray() || value.isEmpty()) {
          c.report(SCHEMA, vp, "The value for the field '" + op
              + "' must be a non-empty array of choice rules");
          return null;
        }
        List<ChoiceRule> nested = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
          nested.add(rule(p, value.get(i), LineLocator.child(vp, i), false, assign));
        }
        return nested.contains(null) ? null
            : op.equals("And") ? ChoiceRule.and(nested) : ChoiceRule.or(nested);
      }
      case "Not" -> {
        if (rule.has("Variable")) {
          c.report(SCHEMA, pointer, "Field 'Variable' is not supported together with 'Not'");
        }
        ChoiceRule nested = rule(p, value, vp, false, assign);
        return nested == null ? null : ChoiceRule.not(nested);
      }
      default -> {
        return comparison(c, rule, pointer, op, value, vp);
      }
    }
  }

  private static ChoiceRule comparison(Checks c, JsonNode rule, String pointer, String op,
      JsonNode value, String vp) {
    int before = c.count();
    JsonNode variable = rule.get("Variable");
    if (variable == null) {
      c.report(SCHEMA, pointer, "These fields are required: [Variable]");
    } else {
      c.path(variable, pointer + "/Variable", "Variable", false);
    }
    if (op.endsWith("Path")) {
      c.path(value, vp, op, false);
    } else if (op.startsWith("Is") || op.equals("BooleanEquals")) {
      if (!value.isBoolean()) {
        c.report(SCHEMA, vp, "The value for the field '" + op + "' must be a boolean");
      }
    } else if (op.startsWith("Numeric")) {
      if (!value.isNumber()) {
        c.report(SCHEMA, vp, "The value for the field '" + op + "' must be a number");
      }
    } else if (op.startsWith("Timestamp")) {
      c.timestamp(value, vp);
    } else if (!value.isTextual()) {
      c.report(SCHEMA, vp, "The value for the field '" + op + "' must be a string");
    }
    if (c.count() != before) {
      return null;
    }
    return ChoiceOperators.TYPE_TESTS.contains(op)
        ? ChoiceRule.typeTest(variable.asText(), op, value.asBoolean())
        : ChoiceRule.comparison(variable.asText(), op, value);
  }
}
