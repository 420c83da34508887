package com.example.workshop.runtime.sfn.internal.definition;

import com.example.workshop.runtime.sfn.internal.asl.Limits;
import com.example.workshop.runtime.sfn.internal.asl.Timestamps;
import com.example.workshop.runtime.sfn.internal.query.jsonata.JsonataTemplate;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.Intrinsics;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.PathSyntax;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.PayloadTemplate;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.QueryPath;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The problems found while compiling, and the checks of field shapes that several state types
 * share. A check that compiles returns the compiled value, or null after reporting why it cannot.
 */
final class Checks {
  static final String SCHEMA = "SCHEMA_VALIDATION_FAILED";

  private final LineLocator lines;
  private final List<Problem> problems = new ArrayList<>();

  Checks(LineLocator lines) {
    this.lines = lines == null ? LineLocator.none() : lines;
  }

  List<Problem> problems() {
    return List.copyOf(problems);
  }

  /** How many problems so far: a part compiled cleanly when the count did not move. */
  int count() {
    return problems.size();
  }

  void report(String code, String pointer, String message) {
    problems.add(new Problem(code, pointer, message, lines.lineOf(pointer)));
  }

  /** Located at the object, as AWS does, but on the line of the offending field. */
  void reportField(String code, String pointer, String field, String message) {
    problems.add(new Problem(code, pointer, message,
        lines.lineOf(LineLocator.child(pointer, field))));
  }

  void reportAtLine(String code, String pointer, String message, String linePointer) {
    problems.add(new Problem(code, pointer, message, lines.lineOf(linePointer)));
  }

  static String at(String pointer) {
    return pointer.isEmpty() ? "/" : pointer;
  }

  void unsupported(JsonNode node, String pointer, Set<String> allowed) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        reportField(SCHEMA, at(pointer), f, "Field '" + f + "' is not supported");
      }
    }
  }

  void optionalString(JsonNode node, String pointer, String field) {
    JsonNode v = node.get(field);
    if (v != null && !v.isTextual()) {
      report(SCHEMA, LineLocator.child(at(pointer), field),
          "The value for the field '" + field + "' must be a string");
    }
  }

  void oneOf(JsonNode node, String pointer, String field, List<String> values) {
    JsonNode v = node.get(field);
    if (v != null && !(v.isTextual() && values.contains(v.asText()))) {
      report(SCHEMA, pointer + "/" + field,
          "The field '" + field + "' should have one of these values: " + values);
    }
  }

  void exclusive(JsonNode node, String pointer, String a, String b) {
    if (node.has(a) && node.has(b)) {
      report(SCHEMA, pointer, "Fields '" + a + "' and '" + b + "' are mutually exclusive");
    }
  }

  /** An integer in [min, max]; returns it, or null after reporting. */
  Long integer(JsonNode v, String pointer, String field, long min, long max) {
    if (v.isIntegralNumber() && v.canConvertToLong() && v.asLong() >= min && v.asLong() <= max) {
      return v.asLong();
    }
    if (max == Limits.MAX_SECONDS && v.isNumber() && v.decimalValue().compareTo(BigDecimal.valueOf(max)) > 0
        && (v.isIntegralNumber() || v.decimalValue().stripTrailingZeros().scale() <= 0)) {
      report(SCHEMA, pointer, "The value for the field '" + field + "' must be at most " + max
          + " (AWS's limit), but was " + v.asText());
      return null;
    }
    String range = max == Limits.MAX_SECONDS || max == Integer.MAX_VALUE
        ? (min == 0 ? "a non-negative integer" : min == 1 ? "a positive integer"
            : "an integer >= " + min)
        : "an integer between " + min + " and " + max;
    report(SCHEMA, pointer, "The value for the field '" + field + "' must be " + range);
    return null;
  }

  /** A path field's value; null after reporting. */
  QueryPath path(JsonNode v, String pointer, String field, boolean reference) {
    String reason = v.isTextual() ? PathSyntax.check(v.asText(), reference) : "it is not a string";
    if (reason != null) {
      report(SCHEMA, pointer, "The value for the field '" + field + "' must be a valid "
          + (reference ? "reference path" : "JSONPath") + " (" + reason + ")");
      return null;
    }
    return QueryPath.of(v.asText());
  }

  /** ResultPath: a reference path that does not write into {@code $$}. */
  QueryPath resultPath(JsonNode v, String pointer) {
    if (v.isTextual() && v.asText().startsWith("$$")) {
      report(SCHEMA, pointer, "The value for the field 'ResultPath' must be a valid reference path"
          + " (it cannot write into the context object '$$')");
      return null;
    }
    return path(v, pointer, "ResultPath", true);
  }

  /**
   * A payload template (Parameters, ResultSelector, ItemSelector, Assign, Credentials): every key
   * ending in {@code .$} takes a JSONPath or an intrinsic function call.
   */
  PayloadTemplate template(JsonNode node, String pointer) {
    int before = count();
    checkTemplate(node, pointer);
    return count() == before ? PayloadTemplate.compile(node) : null;
  }

  /** JSONPath Assign: an object whose {@code .$} keys take a path or an intrinsic. */
  PayloadTemplate assign(JsonNode node, String pointer) {
    if (!node.isObject()) {
      report(SCHEMA, pointer, "The value for the field 'Assign' must be an object");
      return null;
    }
    return template(node, pointer);
  }

  /** JSONata Assign: an object; its values may be JSONata expressions. */
  void jsonataAssign(JsonNode node, String pointer) {
    if (node != null && !node.isObject()) {
      report(SCHEMA, pointer, "The value for the field 'Assign' must be an object");
    }
  }

  private void checkTemplate(JsonNode node, String pointer) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        JsonNode value = e.getValue();
        if (key.endsWith(".$")) {
          String plain = key.substring(0, key.length() - 2);
          if (node.has(plain)) {
            report(SCHEMA, at(pointer), "Fields '" + plain + "' and '" + key + "' both produce the"
                + " key '" + plain + "'; keep one of them");
          }
          boolean ok = value.isTextual() && (isCall(value.asText())
              ? intrinsicProblem(value.asText()) == null
              : PathSyntax.check(value.asText(), false) == null);
          if (!ok) {
            report(SCHEMA, at(pointer), "The value for the field '" + key
                + "' must be a valid JSONPath or a valid intrinsic function call");
          }
        } else if (value.isContainerNode()) {
          checkTemplate(value, LineLocator.child(at(pointer), key));
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        checkTemplate(node.get(i), LineLocator.child(at(pointer), i));
      }
    }
  }

  /** A {@code .$} value not starting with {@code $} is meant as an intrinsic function call. */
  static boolean isCall(String value) {
    return !value.startsWith("$");
  }

  /** Null when the call is well-formed (the same parser the engine runs), else why not. */
  static String intrinsicProblem(String expression) {
    try {
      Intrinsics.checkSyntax(expression);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** A timestamp literal; false after reporting. */
  boolean timestamp(JsonNode v, String pointer) {
    if (!v.isTextual() || !Timestamps.isValid(v.asText())) {
      report(SCHEMA, pointer, "String does not match RFC3339 timestamp");
      return false;
    }
    return true;
  }

  /** True for a JSONata expression string {@code "{% ... %}"}, as the engine reads it. */
  static boolean isJsonata(JsonNode v) {
    return JsonataTemplate.isExpression(v);
  }

  /** A transition target (Next, Default); recorded for the reachability checks. */
  void transition(JsonNode next, String pointer, List<Transition> transitions) {
    if (next != null && next.isTextual()) {
      transitions.add(new Transition(next.asText(), pointer));
    } else if (next != null) {
      report(SCHEMA, pointer, "The value for the field 'Next' must be a string");
    }
  }

  record Transition(String target, String pointer) {}
}
