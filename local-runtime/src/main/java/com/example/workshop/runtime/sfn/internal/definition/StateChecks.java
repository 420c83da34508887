package com.example.workshop.runtime.sfn.internal.definition;

import static com.example.workshop.runtime.sfn.internal.definition.DefinitionValidator.SCHEMA;

import com.example.workshop.runtime.sfn.internal.definition.DefinitionValidator.Transition;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.ChoiceOperators;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.PathSyntax;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Type-specific checks: Task, Wait, Fail, Choice, Map fields, Retry and Catch. */
final class StateChecks {
  private static final long MAX = 99_999_999L;
  static final String INVALID_RESOURCE = "INVALID_RESOURCE";
  private static final Pattern ARN = Pattern.compile("arn:[^:\\s]+:[^:\\s]+:[^:\\s]*:[^:\\s]*:\\S+");
  static final Set<String> COMPARATORS = ChoiceOperators.ALL;

  private StateChecks() {}

  static boolean isJsonata(JsonNode v) {
    if (v == null || !v.isTextual()) {
      return false;
    }
    String s = v.asText().strip();
    return s.startsWith("{%") && s.endsWith("%}") && s.length() >= 4;
  }

  /** Literal integer, or in a JSONata state also a {@code {% %}} expression. */
  private static Long seconds(DefinitionValidator v, JsonNode node, String field, String pointer,
      boolean jsonata, long min, long max) {
    JsonNode value = node.get(field);
    if (value == null || (jsonata && isJsonata(value))) {
      return null;
    }
    return v.integer(value, pointer + "/" + field, field, min, max);
  }

  private static void exclusive(DefinitionValidator v, JsonNode node, String pointer, String a,
      String b) {
    if (node.has(a) && node.has(b)) {
      v.report(SCHEMA, pointer, "Fields '" + a + "' and '" + b + "' are mutually exclusive");
    }
  }

  static void task(DefinitionValidator v, JsonNode state, String pointer, boolean jsonata) {
    JsonNode resource = state.get("Resource");
    if (resource == null) {
      v.report(SCHEMA, pointer, "These fields are required: [Resource]");
    } else if (!resource.isTextual() || (!ARN.matcher(resource.asText()).matches()
        && !resource.asText().contains("${"))) {
      // AWS refuses placeholders and bare function names here since 2018; an unresolved
      // ${Substitution} is already reported as such.
      v.report(INVALID_RESOURCE, pointer + "/Resource", "The value for the field 'Resource' must"
          + " be an ARN, e.g. arn:aws:states:::lambda:invoke or"
          + " arn:aws:lambda:us-east-1:123456789012:function:process-order, got "
          + resource);
    }
    exclusive(v, state, pointer, "TimeoutSeconds", "TimeoutSecondsPath");
    exclusive(v, state, pointer, "HeartbeatSeconds", "HeartbeatSecondsPath");
    Long timeout = seconds(v, state, "TimeoutSeconds", pointer, jsonata, 1, MAX);
    Long heartbeat = seconds(v, state, "HeartbeatSeconds", pointer, jsonata, 1, MAX);
    if (timeout != null && heartbeat != null && heartbeat >= timeout) {
      v.report(SCHEMA, pointer + "/HeartbeatSeconds", "The value for the field 'HeartbeatSeconds'"
          + " must be smaller than the value for the field 'TimeoutSeconds'");
    }
    for (String f : List.of("TimeoutSecondsPath", "HeartbeatSecondsPath")) {
      if (state.has(f)) {
        v.path(state.get(f), pointer + "/" + f, f, true);
      }
    }
    JsonNode credentials = state.get("Credentials");
    if (credentials != null) {
      String cp = pointer + "/Credentials";
      if (!credentials.isObject()) {
        v.report(SCHEMA, cp, "The value for the field 'Credentials' must be an object");
      } else {
        if (!credentials.has("RoleArn") && !credentials.has("RoleArn.$")) {
          v.report(SCHEMA, cp, "The field 'RoleArn' is required but was missing");
        }
        if (!jsonata) {
          v.template(credentials, cp, "Credentials");
        }
      }
    }
  }

  static void waitState(DefinitionValidator v, JsonNode state, String pointer, boolean jsonata) {
    List<String> fields = jsonata ? List.of("Seconds", "Timestamp")
        : List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath");
    List<String> present = new ArrayList<>();
    for (String f : List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")) {
      if (state.has(f)) {
        present.add(f);
      }
    }
    if (present.isEmpty()) {
      v.report(SCHEMA, pointer, "Exactly one of these fields is required: " + fields);
    } else if (present.size() > 1) {
      v.report(SCHEMA, pointer, "Exactly one of these fields is allowed, found " + present);
    }
    seconds(v, state, "Seconds", pointer, jsonata, 0, MAX);
    JsonNode ts = state.get("Timestamp");
    if (ts != null && !(jsonata && isJsonata(ts))) {
      v.timestamp(ts, pointer + "/Timestamp");
    }
    for (String f : List.of("SecondsPath", "TimestampPath")) {
      if (state.has(f) && !jsonata) {
        v.path(state.get(f), pointer + "/" + f, f, true);
      }
    }
  }

  static void fail(DefinitionValidator v, JsonNode state, String pointer, boolean jsonata) {
    exclusive(v, state, pointer, "Error", "ErrorPath");
    exclusive(v, state, pointer, "Cause", "CausePath");
    v.optionalString(state, pointer, "Error");
    v.optionalString(state, pointer, "Cause");
    if (jsonata) {
      return;
    }
    for (String f : List.of("ErrorPath", "CausePath")) {
      JsonNode value = state.get(f);
      if (value == null) {
        continue;
      }
      String reason;
      if (!value.isTextual()) {
        reason = "it is not a string";
      } else if (DefinitionValidator.isCall(value.asText())) {
        reason = DefinitionValidator.intrinsicProblem(value.asText());
      } else {
        reason = PathSyntax.check(value.asText(), true);
      }
      if (reason != null) {
        v.report(SCHEMA, pointer + "/" + f, "The value for the field '" + f
            + "' must be a valid reference path or intrinsic function call (" + reason + ")");
      }
    }
  }

  static void choice(DefinitionValidator v, JsonNode state, String pointer, boolean jsonata,
      List<Transition> transitions) {
    JsonNode choices = state.get("Choices");
    String cp = pointer + "/Choices";
    if (choices == null) {
      v.report(SCHEMA, pointer, "These fields are required: [Choices]");
    } else if (!choices.isArray()) {
      v.report(SCHEMA, cp, "The value for the field 'Choices' must be an array");
    } else {
      if (choices.isEmpty()) {
        v.report(SCHEMA, cp, "Value cannot be empty");
      }
      for (int i = 0; i < choices.size(); i++) {
        String rp = LineLocator.child(cp, i);
        JsonNode rule = choices.get(i);
        if (jsonata) {
          jsonataRule(v, rule, rp, transitions);
        } else {
          rule(v, rule, rp, true, transitions);
        }
      }
    }
    v.transition(state.get("Default"), pointer + "/Default", transitions);
  }

  private static void jsonataRule(DefinitionValidator v, JsonNode rule, String pointer,
      List<Transition> transitions) {
    if (!rule.isObject()) {
      v.report(SCHEMA, pointer, "A choice rule must be an object");
      return;
    }
    v.unsupported(rule, pointer, Set.of("Condition", "Next", "Comment", "Output", "Assign"));
    List<String> missing = new ArrayList<>();
    if (!rule.has("Condition")) {
      missing.add("Condition");
    }
    if (!rule.has("Next")) {
      missing.add("Next");
    }
    if (!missing.isEmpty()) {
      v.report(SCHEMA, pointer, "These fields are required: " + missing);
    }
    JsonNode condition = rule.get("Condition");
    if (condition != null && !condition.isBoolean() && !isJsonata(condition)) {
      v.report(SCHEMA, pointer + "/Condition", "The value for the field 'Condition' must be a"
          + " boolean or a JSONata expression {% ... %}");
    }
    v.transition(rule.get("Next"), pointer + "/Next", transitions);
  }

  private static void rule(DefinitionValidator v, JsonNode rule, String pointer, boolean top,
      List<Transition> transitions) {
    if (!rule.isObject()) {
      v.report(SCHEMA, pointer, "A choice rule must be an object");
      return;
    }
    List<String> operators = new ArrayList<>();
    for (Iterator<String> it = rule.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (COMPARATORS.contains(f) || f.equals("And") || f.equals("Or") || f.equals("Not")) {
        operators.add(f);
      } else if (f.equals("Next") && !top) {
        v.reportField(SCHEMA, pointer, "Next", "Field 'Next' is not supported (only top-level choice rules"
            + " have 'Next'; rules inside And/Or/Not do not)");
      } else if (!Set.of("Variable", "Comment", "Next", "Assign").contains(f)
          || (f.equals("Assign") && !top)) {
        v.reportField(SCHEMA, pointer, f, "Field '" + f + "' is not supported");
      }
    }
    if (top) {
      if (!rule.has("Next")) {
        v.report(SCHEMA, pointer, "These fields are required: [Next]");
      }
      v.transition(rule.get("Next"), pointer + "/Next", transitions);
      if (rule.has("Assign")) {
        v.template(rule.get("Assign"), pointer + "/Assign", "Assign");
      }
    }
    if (operators.size() != 1) {
      v.report(SCHEMA, pointer, operators.isEmpty()
          ? "A choice rule needs a comparison operator (e.g. StringEquals) or And/Or/Not"
          : "A choice rule takes exactly one operator, found " + operators);
      return;
    }
    String op = operators.get(0);
    JsonNode value = rule.get(op);
    String vp = pointer + "/" + op;
    switch (op) {
      case "And", "Or" -> {
        if (rule.has("Variable")) {
          v.report(SCHEMA, pointer, "Field 'Variable' is not supported together with '" + op + "'");
        }
        if (!value.isArray() || value.isEmpty()) {
          v.report(SCHEMA, vp, "The value for the field '" + op
              + "' must be a non-empty array of choice rules");
        } else {
          for (int i = 0; i < value.size(); i++) {
            rule(v, value.get(i), LineLocator.child(vp, i), false, transitions);
          }
        }
      }
      case "Not" -> {
        if (rule.has("Variable")) {
          v.report(SCHEMA, pointer, "Field 'Variable' is not supported together with 'Not'");
        }
        rule(v, value, vp, false, transitions);
      }
      default -> comparison(v, rule, pointer, op, value, vp);
    }
  }

  private static void comparison(DefinitionValidator v, JsonNode rule, String pointer, String op,
      JsonNode value, String vp) {
    JsonNode variable = rule.get("Variable");
    if (variable == null) {
      v.report(SCHEMA, pointer, "These fields are required: [Variable]");
    } else {
      v.path(variable, pointer + "/Variable", "Variable", false);
    }
    if (op.endsWith("Path")) {
      v.path(value, vp, op, false);
    } else if (op.startsWith("Is") || op.equals("BooleanEquals")) {
      if (!value.isBoolean()) {
        v.report(SCHEMA, vp, "The value for the field '" + op + "' must be a boolean");
      }
    } else if (op.startsWith("Numeric")) {
      if (!value.isNumber()) {
        v.report(SCHEMA, vp, "The value for the field '" + op + "' must be a number");
      }
    } else if (op.startsWith("Timestamp")) {
      v.timestamp(value, vp);
    } else if (!value.isTextual()) {
      v.report(SCHEMA, vp, "The value for the field '" + op + "' must be a string");
    }
  }

  static void mapFields(DefinitionValidator v, JsonNode state, String pointer, boolean jsonata) {
    exclusive(v, state, pointer, "ItemSelector", "Parameters");
    exclusive(v, state, pointer, "MaxConcurrency", "MaxConcurrencyPath");
    exclusive(v, state, pointer, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
    exclusive(v, state, pointer, "ToleratedFailureCount", "ToleratedFailureCountPath");
    seconds(v, state, "MaxConcurrency", pointer, jsonata, 0, Integer.MAX_VALUE);
    seconds(v, state, "ToleratedFailureCount", pointer, jsonata, 0, Integer.MAX_VALUE);
    JsonNode percentage = state.get("ToleratedFailurePercentage");
    if (percentage != null && !(jsonata && isJsonata(percentage))
        && !(percentage.isNumber() && percentage.asDouble() >= 0 && percentage.asDouble() <= 100)) {
      v.report(SCHEMA, pointer + "/ToleratedFailurePercentage",
          "The value for the field 'ToleratedFailurePercentage' must be a number between 0 and 100");
    }
    if (!jsonata) {
      for (String f : List.of("ItemsPath", "MaxConcurrencyPath", "ToleratedFailurePercentagePath",
          "ToleratedFailureCountPath")) {
        if (state.has(f)) {
          v.path(state.get(f), pointer + "/" + f, f, true);
        }
      }
      if (state.has("ItemSelector")) {
        v.template(state.get("ItemSelector"), pointer + "/ItemSelector", "ItemSelector");
      }
    }
  }

  static void retriers(DefinitionValidator v, JsonNode retry, String pointer) {
    if (retry == null) {
      return;
    }
    if (!retry.isArray()) {
      v.report(SCHEMA, pointer, "The value for the field 'Retry' must be an array of retriers");
      return;
    }
    for (int i = 0; i < retry.size(); i++) {
      JsonNode r = retry.get(i);
      String rp = LineLocator.child(pointer, i);
      if (!r.isObject()) {
        v.report(SCHEMA, rp, "A retrier must be an object");
        continue;
      }
      v.unsupported(r, rp, Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate",
          "MaxDelaySeconds", "JitterStrategy", "Comment"));
      errorEquals(v, r, rp, i == retry.size() - 1, "retrier");
      if (r.has("IntervalSeconds")) {
        v.integer(r.get("IntervalSeconds"), rp + "/IntervalSeconds", "IntervalSeconds", 1, MAX);
      }
      if (r.has("MaxAttempts")) {
        v.integer(r.get("MaxAttempts"), rp + "/MaxAttempts", "MaxAttempts", 0, MAX);
      }
      if (r.has("MaxDelaySeconds")) {
        v.integer(r.get("MaxDelaySeconds"), rp + "/MaxDelaySeconds", "MaxDelaySeconds", 1, 31_622_401);
      }
      JsonNode backoff = r.get("BackoffRate");
      if (backoff != null && !(backoff.isNumber() && backoff.asDouble() >= 1.0)) {
        v.report(SCHEMA, rp + "/BackoffRate",
            "The value for the field 'BackoffRate' must be a number greater than or equal to 1.0");
      }
      v.oneOf(r, rp, "JitterStrategy", List.of("FULL", "NONE"));
    }
  }

  static void catchers(DefinitionValidator v, JsonNode catchers, String pointer, boolean jsonata,
      List<Transition> transitions) {
    if (catchers == null) {
      return;
    }
    if (!catchers.isArray()) {
      v.report(SCHEMA, pointer, "The value for the field 'Catch' must be an array of catchers");
      return;
    }
    for (int i = 0; i < catchers.size(); i++) {
      JsonNode c = catchers.get(i);
      String cp = LineLocator.child(pointer, i);
      if (!c.isObject()) {
        v.report(SCHEMA, cp, "A catcher must be an object");
        continue;
      }
      Set<String> allowed = jsonata ? Set.of("ErrorEquals", "Next", "Comment", "Output", "Assign")
          : Set.of("ErrorEquals", "Next", "Comment", "ResultPath", "Assign");
      v.unsupported(c, cp, allowed);
      errorEquals(v, c, cp, i == catchers.size() - 1, "catcher");
      if (!c.has("Next")) {
        v.report(SCHEMA, cp, "These fields are required: [Next]");
      }
      v.transition(c.get("Next"), cp + "/Next", transitions);
      if (!jsonata && c.has("ResultPath") && !c.get("ResultPath").isNull()) {
        v.path(c.get("ResultPath"), cp + "/ResultPath", "ResultPath", true);
      }
      if (!jsonata && c.has("Assign")) {
        v.template(c.get("Assign"), cp + "/Assign", "Assign");
      }
    }
  }

  private static void errorEquals(DefinitionValidator v, JsonNode node, String pointer,
      boolean last, String what) {
    JsonNode errors = node.get("ErrorEquals");
    String ep = pointer + "/ErrorEquals";
    if (errors == null) {
      v.report(SCHEMA, pointer, "These fields are required: [ErrorEquals]");
      return;
    }
    if (!errors.isArray()) {
      v.report(SCHEMA, ep, "The value for the field 'ErrorEquals' must be an array of error names");
      return;
    }
    if (errors.isEmpty()) {
      v.report(SCHEMA, ep, "Value cannot be empty");
    }
    boolean all = false;
    for (int i = 0; i < errors.size(); i++) {
      JsonNode e = errors.get(i);
      if (!e.isTextual()) {
        v.report(SCHEMA, LineLocator.child(ep, i), "An error name must be a string");
      } else if (e.asText().equals("States.ALL")) {
        all = true;
      }
    }
    if (all && errors.size() > 1) {
      v.report(SCHEMA, ep, "'States.ALL' must appear alone in 'ErrorEquals'");
    }
    if (all && !last) {
      v.report(SCHEMA, ep, "A " + what + " with 'States.ALL' must be the last " + what);
    }
  }
}
