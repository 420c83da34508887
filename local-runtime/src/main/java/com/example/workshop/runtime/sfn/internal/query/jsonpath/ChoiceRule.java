package com.example.workshop.runtime.sfn.internal.query.jsonpath;

import com.example.workshop.runtime.sfn.internal.asl.ErrorNames;
import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import com.example.workshop.runtime.sfn.internal.asl.Timestamps;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One JSONPath-mode Choice rule, parsed once: a comparison ({@code Variable} + operator), an {@code
 * Is*} test, or {@code And}/{@code Or}/{@code Not} over nested rules. Top-level rules carry {@code
 * Next} (and optionally {@code Assign}). Comparing values of the wrong type is simply false; a
 * {@code Variable} (or {@code ...Path} operand) that selects nothing is a States.Runtime error,
 * except for {@code IsPresent}.
 */
public final class ChoiceRule {
  private final Condition condition;
  private final String next;
  private final JsonNode assign;

  private ChoiceRule(Condition condition, String next, JsonNode assign) {
    this.condition = condition;
    this.next = next;
    this.assign = assign;
  }

  /**
   * Parses a top-level rule (it must have {@code Next}).
   *
   * @throws IllegalArgumentException naming the offending field, relative to the rule
   */
  public static ChoiceRule parse(JsonNode rule) {
    return parse(rule, "");
  }

  /** As {@link #parse(JsonNode)}; {@code location} (a JSON pointer) prefixes error messages. */
  public static ChoiceRule parse(JsonNode rule, String location) {
    Condition condition = parseCondition(rule, location, true);
    JsonNode next = rule.get("Next");
    if (next == null || !next.isTextual() || next.textValue().isEmpty()) {
      throw invalid(location, "a top-level choice rule needs \"Next\": \"<state name>\"");
    }
    return new ChoiceRule(condition, next.textValue(), rule.get("Assign"));
  }

  /** The state to go to when the rule matches. */
  public String next() {
    return next;
  }

  /** The rule's JSONPath {@code Assign} block, or null. */
  public JsonNode assign() {
    return assign;
  }

  public boolean matches(JsonNode input, JsonNode context) {
    return matches(input, context, Map.of());
  }

  /**
   * Evaluates the rule; paths read {@code input}, the Context object ({@code $$}) or workflow
   * variables ({@code $name}).
   *
   * @throws StatesError States.Runtime when a Variable or ...Path operand selects nothing
   */
  public boolean matches(JsonNode input, JsonNode context, Map<String, JsonNode> variables) {
    return condition.test(new Scope(input, context, variables));
  }

  // ---------------------------------------------------------------- model

  private record Scope(JsonNode input, JsonNode context, Map<String, JsonNode> variables) {
    JsonNode read(String path) {
      try {
        return JsonPaths.resolve(path, input, context, variables);
      } catch (JsonPaths.PathNotFound e) {
        throw new StatesError(
            ErrorNames.RUNTIME,
            "Invalid path '"
                + path
                + "': The choice state's condition path references an invalid"
                + " value.");
      }
    }

    boolean isPresent(String path) {
      try {
        JsonPaths.resolve(path, input, context, variables);
        return true;
      } catch (JsonPaths.PathNotFound e) {
        return false;
      }
    }
  }

  private interface Condition {
    boolean test(Scope scope);
  }

  private record And(List<Condition> rules) implements Condition {
    public boolean test(Scope scope) {
      for (Condition rule : rules) {
        if (!rule.test(scope)) {
          return false;
        }
      }
      return true;
    }
  }

  private record Or(List<Condition> rules) implements Condition {
    public boolean test(Scope scope) {
      for (Condition rule : rules) {
        if (rule.test(scope)) {
          return true;
        }
      }
      return false;
    }
  }

  private record Not(Condition rule) implements Condition {
    public boolean test(Scope scope) {
      return !rule.test(scope);
    }
  }

  private enum Kind {
    STRING,
    NUMERIC,
    BOOLEAN,
    TIMESTAMP,
    MATCHES
  }

  private enum Relation {
    EQ,
    LT,
    GT,
    LTE,
    GTE
  }

  /** A type test: IsNull, IsPresent, IsNumeric, IsString, IsBoolean, IsTimestamp. */
  private record TypeTest(String variable, String operator, boolean expected) implements Condition {
    public boolean test(Scope scope) {
      if (operator.equals("IsPresent")) {
        return scope.isPresent(variable) == expected;
      }
      JsonNode v = scope.read(variable);
      boolean actual =
          switch (operator) {
            case "IsNull" -> v.isNull();
            case "IsNumeric" -> v.isNumber();
            case "IsString" -> v.isTextual();
            case "IsBoolean" -> v.isBoolean();
            case "IsTimestamp" -> v.isTextual() && Timestamps.isValid(v.textValue());
            default -> throw new IllegalStateException(operator);
          };
      return actual == expected;
    }
  }

  /** Variable compared with a literal or with the value at another path. */
  private record Comparison(
      String variable,
      Kind kind,
      Relation relation,
      JsonNode literal,
      String operandPath,
      Pattern pattern)
      implements Condition {
    public boolean test(Scope scope) {
      JsonNode v = scope.read(variable);
      JsonNode other = operandPath != null ? scope.read(operandPath) : literal;
      return switch (kind) {
        case STRING ->
            v.isTextual() && other.isTextual() && holds(v.textValue().compareTo(other.textValue()));
        case NUMERIC ->
            v.isNumber()
                && other.isNumber()
                && holds(v.decimalValue().compareTo(other.decimalValue()));
        case BOOLEAN ->
            v.isBoolean() && other.isBoolean() && v.booleanValue() == other.booleanValue();
        case TIMESTAMP -> {
          Instant a = v.isTextual() ? Timestamps.parse(v.textValue()) : null;
          Instant b = other.isTextual() ? Timestamps.parse(other.textValue()) : null;
          yield a != null && b != null && holds(a.compareTo(b));
        }
        case MATCHES -> v.isTextual() && pattern.matcher(v.textValue()).matches();
      };
    }

    private boolean holds(int cmp) {
      return switch (relation) {
        case EQ -> cmp == 0;
        case LT -> cmp < 0;
        case GT -> cmp > 0;
        case LTE -> cmp <= 0;
        case GTE -> cmp >= 0;
      };
    }
  }

  // ---------------------------------------------------------------- parsing

  private static final Set<String> TYPE_TESTS = ChoiceOperators.TYPE_TESTS;
  private static final Set<String> COMPARISONS = ChoiceOperators.COMPARISONS;

  private static Condition parseCondition(JsonNode rule, String at, boolean topLevel) {
    if (rule == null || !rule.isObject()) {
      throw invalid(at, "a choice rule must be a JSON object");
    }
    List<String> operators = new ArrayList<>();
    for (Iterator<String> it = rule.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      boolean known =
          switch (field) {
            case "Variable", "Comment" -> true;
            case "Next", "Assign" -> topLevel;
            case "And", "Or", "Not" -> true;
            default -> COMPARISONS.contains(field) || TYPE_TESTS.contains(field);
          };
      if (!known) {
        throw invalid(
            at,
            "the field \""
                + field
                + "\" is not supported here"
                + (field.equals("Next") ? " (only top-level rules have Next)" : "")
                + (field.equals("Condition") ? " (Condition is for JSONata states)" : ""));
      }
      if (!field.equals("Variable")
          && !field.equals("Comment")
          && !field.equals("Next")
          && !field.equals("Assign")) {
        operators.add(field);
      }
    }
    if (operators.size() != 1) {
      throw invalid(
          at,
          operators.isEmpty()
              ? "a choice rule needs one comparison operator (e.g. StringEquals) or And/Or/Not"
              : "a choice rule must have exactly one operator, found " + operators);
    }
    String op = operators.get(0);
    JsonNode value = rule.get(op);
    switch (op) {
      case "And", "Or" -> {
        if (rule.has("Variable")) {
          throw invalid(at, op + " cannot be combined with Variable");
        }
        if (!value.isArray() || value.isEmpty()) {
          throw invalid(at + "/" + op, op + " needs a non-empty array of rules");
        }
        List<Condition> rules = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
          rules.add(parseCondition(value.get(i), at + "/" + op + "/" + i, false));
        }
        return op.equals("And") ? new And(List.copyOf(rules)) : new Or(List.copyOf(rules));
      }
      case "Not" -> {
        if (rule.has("Variable")) {
          throw invalid(at, "Not cannot be combined with Variable");
        }
        return new Not(parseCondition(value, at + "/Not", false));
      }
      default -> {
        // data-test rule
      }
    }
    JsonNode variableNode = rule.get("Variable");
    if (variableNode == null || !variableNode.isTextual()) {
      throw invalid(at, op + " needs \"Variable\": \"$.<path>\"");
    }
    String variable = variableNode.textValue();
    checkPath(at + "/Variable", variable);
    if (TYPE_TESTS.contains(op)) {
      if (!value.isBoolean()) {
        throw invalid(at + "/" + op, op + " must be true or false, got " + value);
      }
      return new TypeTest(variable, op, value.booleanValue());
    }
    boolean isPath = op.endsWith("Path");
    String base = isPath ? op.substring(0, op.length() - 4) : op;
    Kind kind =
        base.startsWith("StringMatches")
            ? Kind.MATCHES
            : base.startsWith("String")
                ? Kind.STRING
                : base.startsWith("Numeric")
                    ? Kind.NUMERIC
                    : base.startsWith("Boolean") ? Kind.BOOLEAN : Kind.TIMESTAMP;
    String rel = base.replaceFirst("^(String|Numeric|Boolean|Timestamp)", "");
    Relation relation =
        switch (rel) {
          case "LessThan" -> Relation.LT;
          case "GreaterThan" -> Relation.GT;
          case "LessThanEquals" -> Relation.LTE;
          case "GreaterThanEquals" -> Relation.GTE;
          default -> Relation.EQ;
        };
    if (isPath) {
      if (!value.isTextual()) {
        throw invalid(at + "/" + op, op + " must be a path string like \"$.limit\", got " + value);
      }
      checkPath(at + "/" + op, value.textValue());
      return new Comparison(variable, kind, relation, null, value.textValue(), null);
    }
    Pattern pattern = null;
    switch (kind) {
      case STRING, MATCHES -> {
        if (!value.isTextual()) {
          throw invalid(at + "/" + op, op + " must be a string, got " + value);
        }
        if (kind == Kind.MATCHES) {
          pattern = wildcard(value.textValue(), at + "/" + op);
        }
      }
      case NUMERIC -> {
        if (!value.isNumber()) {
          throw invalid(at + "/" + op, op + " must be a number, got " + value);
        }
      }
      case BOOLEAN -> {
        if (!value.isBoolean()) {
          throw invalid(at + "/" + op, op + " must be true or false, got " + value);
        }
      }
      case TIMESTAMP -> {
        if (!value.isTextual() || !Timestamps.isValid(value.textValue())) {
          throw invalid(
              at + "/" + op,
              op
                  + " must be an RFC 3339 timestamp such as "
                  + "\"2026-01-31T09:30:00Z\", got "
                  + value);
        }
      }
    }
    return new Comparison(variable, kind, relation, value, null, pattern);
  }

  private static void checkPath(String at, String path) {
    try {
      JsonPaths.checkSyntax(path);
    } catch (IllegalArgumentException e) {
      throw invalid(at, e.getMessage());
    }
  }

  /**
   * StringMatches: {@code *} matches any run of characters; {@code \*} and {@code \\} are literal.
   */
  private static Pattern wildcard(String glob, String at) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '\\') {
        char next = i + 1 < glob.length() ? glob.charAt(i + 1) : 0;
        if (next != '*' && next != '\\') {
          throw invalid(
              at,
              "StringMatches only allows the escapes \\\\* and \\\\\\\\ "
                  + "(an open backslash at character "
                  + (i + 1)
                  + " of \""
                  + glob
                  + "\")");
        }
        literal.append(next);
        i++;
      } else if (c == '*') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(".*");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private static IllegalArgumentException invalid(String at, String what) {
    return new IllegalArgumentException(
        "Invalid choice rule" + (at.isEmpty() ? "" : " at " + at) + ": " + what);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "ChoiceRule[%s -> %s]", condition, next);
  }
}
