package com.example.workshop.runtime.sfn.internal.render;

import com.example.workshop.runtime.sfn.internal.query.jsonpath.ChoiceOperators;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A short human-readable form of a choice rule for diagram edges, e.g. {@code $.amount > 100}. */
public final class ChoiceSummary {
  private static final int MAX = 60;
  private static final Map<String, String> SYMBOLS = Map.ofEntries(
      Map.entry("Equals", "=="), Map.entry("LessThan", "<"), Map.entry("GreaterThan", ">"),
      Map.entry("LessThanEquals", "<="), Map.entry("GreaterThanEquals", ">="));

  private ChoiceSummary() {}

  public static String of(JsonNode rule) {
    String s = summary(rule);
    return s.length() > MAX ? s.substring(0, MAX - 3) + "..." : s;
  }

  private static String summary(JsonNode rule) {
    if (rule.has("Condition")) {
      String c = rule.path("Condition").asText();
      String t = c.strip();
      return t.startsWith("{%") && t.endsWith("%}") ? t.substring(2, t.length() - 2).strip() : c;
    }
    if (rule.has("Not")) {
      return "not (" + summary(rule.path("Not")) + ")";
    }
    for (String op : List.of("And", "Or")) {
      if (rule.has(op)) {
        List<String> parts = new ArrayList<>();
        rule.path(op).forEach(r -> parts.add(summary(r)));
        return String.join(op.equals("And") ? " and " : " or ", parts);
      }
    }
    String variable = rule.path("Variable").asText("?");
    for (var it = rule.fieldNames(); it.hasNext(); ) {
      String op = it.next();
      if (op.startsWith("Is") && ChoiceOperators.ALL.contains(op)) {
        String what = op.substring(2).toLowerCase(Locale.ROOT);
        return variable + (rule.get(op).asBoolean(true) ? " is " : " is not ") + what;
      }
      if (ChoiceOperators.ALL.contains(op)) {
        return variable + " " + operator(op) + " " + value(rule.get(op), op.endsWith("Path"));
      }
    }
    return "?";
  }

  private static String operator(String op) {
    String base = op.endsWith("Path") ? op.substring(0, op.length() - 4) : op;
    if (base.equals("StringMatches")) {
      return "matches";
    }
    for (String prefix : List.of("String", "Numeric", "Boolean", "Timestamp")) {
      if (base.startsWith(prefix)) {
        return SYMBOLS.getOrDefault(base.substring(prefix.length()), base);
      }
    }
    return base;
  }

  private static String value(JsonNode v, boolean path) {
    if (path || !v.isTextual()) {
      return v.isTextual() ? v.asText() : v.toString();
    }
    return "'" + v.asText() + "'";
  }
}
