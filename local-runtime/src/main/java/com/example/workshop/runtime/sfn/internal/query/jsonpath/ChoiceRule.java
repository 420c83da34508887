package com.example.workshop.runtime.sfn.internal.query.jsonpath;

import com.example.workshop.runtime.sfn.internal.asl.ErrorNames;
import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import com.example.workshop.runtime.sfn.internal.asl.Timestamps;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A compiled JSONPath-mode Choice rule (the definition compiler builds it from checked JSON): a
 * comparison ({@code Variable} + operator), an {@code Is*} test, or {@code And}/{@code Or}/{@code
 * Not} over nested rules. Comparing values of the wrong type is simply false; a {@code Variable} (or
 * {@code ...Path} operand) that selects nothing is a States.Runtime error, except for {@code
 * IsPresent}.
 */
public final class ChoiceRule {
  private final Node node;

  private ChoiceRule(Node node) {
    this.node = node;
  }

  public static ChoiceRule and(List<ChoiceRule> rules) {
    return new ChoiceRule(new And(rules.stream().map(r -> r.node).toList()));
  }

  public static ChoiceRule or(List<ChoiceRule> rules) {
    return new ChoiceRule(new Or(rules.stream().map(r -> r.node).toList()));
  }

  public static ChoiceRule not(ChoiceRule rule) {
    return new ChoiceRule(new Not(rule.node));
  }

  /** IsNull, IsPresent, IsNumeric, IsString, IsBoolean or IsTimestamp. */
  public static ChoiceRule typeTest(String variable, String operator, boolean expected) {
    return new ChoiceRule(new TypeTest(variable, operator, expected));
  }

  /**
   * A comparison operator of {@link ChoiceOperators#COMPARISONS}: with a literal, or for {@code
   * ...Path} operators with the path in {@code operand}.
   */
  public static ChoiceRule comparison(String variable, String operator, JsonNode operand) {
    boolean isPath = operator.endsWith("Path");
    String base = isPath ? operator.substring(0, operator.length() - 4) : operator;
    Kind kind = base.equals("StringMatches") ? Kind.MATCHES
        : base.startsWith("String") ? Kind.STRING
        : base.startsWith("Numeric") ? Kind.NUMERIC
        : base.startsWith("Boolean") ? Kind.BOOLEAN : Kind.TIMESTAMP;
    Relation relation = switch (base.replaceFirst("^(String|Numeric|Boolean|Timestamp)", "")) {
      case "LessThan" -> Relation.LT;
      case "GreaterThan" -> Relation.GT;
      case "LessThanEquals" -> Relation.LTE;
      case "GreaterThanEquals" -> Relation.GTE;
      default -> Relation.EQ;
    };
    if (isPath) {
      return new ChoiceRule(new Comparison(variable, kind, relation, null, operand.textValue(),
          null));
    }
    Pattern pattern = kind == Kind.MATCHES ? wildcard(operand.textValue()) : null;
    return new ChoiceRule(new Comparison(variable, kind, relation, operand, null, pattern));
  }

  /**
   * Evaluates the rule; paths read {@code input}, the Context object ({@code $$}) or workflow
   * variables ({@code $name}).
   *
   * @throws StatesError States.Runtime when a Variable or ...Path operand selects nothing
   */
  public boolean matches(JsonNode input, JsonNode context, Map<String, JsonNode> variables) {
    return node.test(new Scope(input, context, variables));
  }

  private record Scope(JsonNode input, JsonNode context, Map<String, JsonNode> variables) {
    JsonNode read(String path) {
      try {
        return JsonPaths.resolve(path, input, context, variables);
      } catch (JsonPaths.PathNotFound e) {
        throw new StatesError(ErrorNames.RUNTIME, "Invalid path '" + path
            + "': The choice state's condition path references an invalid value.");
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

  private interface Node {
    boolean test(Scope scope);
  }

  private record And(List<Node> rules) implements Node {
    public boolean test(Scope scope) {
      for (Node rule : rules) {
        if (!rule.test(scope)) {
          return false;
        }
      }
      return true;
    }
  }

  private record Or(List<Node> rules) implements Node {
    public boolean test(Scope scope) {
      for (Node rule : rules) {
        if (rule.test(scope)) {
          return true;
        }
      }
      return false;
    }
  }

  private record Not(Node rule) implements Node {
    public boolean test(Scope scope) {
      return !rule.test(scope);
    }
  }

  private enum Kind { STRING, NUMERIC, BOOLEAN, TIMESTAMP, MATCHES }

  private enum Relation { EQ, LT, GT, LTE, GTE }

  private record TypeTest(String variable, String operator, boolean expected) implements Node {
    public boolean test(Scope scope) {
      if (operator.equals("IsPresent")) {
        return scope.isPresent(variable) == expected;
      }
      JsonNode v = scope.read(variable);
      boolean actual = switch (operator) {
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
  private record Comparison(String variable, Kind kind, Relation relation, JsonNode literal,
      String operandPath, Pattern pattern) implements Node {
    public boolean test(Scope scope) {
      JsonNode v = scope.read(variable);
      JsonNode other = operandPath != null ? scope.read(operandPath) : literal;
      return switch (kind) {
        case STRING -> v.isTextual() && other.isTextual()
            && holds(v.textValue().compareTo(other.textValue()));
        case NUMERIC -> v.isNumber() && other.isNumber()
            && holds(v.decimalValue().compareTo(other.decimalValue()));
        case BOOLEAN -> v.isBoolean() && other.isBoolean()
            && v.booleanValue() == other.booleanValue();
        case TIMESTAMP -> {
          Instant a = v.isTextual() ? Timestamps.parse(v.textValue()) : null;
          Instant b = other.isTextual() ? Timestamps.parse(other.textValue()) : null;
          yield a != null && b != null && holds(a.compareTo(b));
        }
        case MATCHES -> v.isTextual() && matches(v.textValue());
      };
    }

    private boolean matches(String text) {
      if (pattern == null) {
        throw new StatesError(ErrorNames.RUNTIME, "The StringMatches pattern '"
            + literal.textValue() + "' has a backslash that escapes neither '*' nor '\\'"
            + " (write \\* for a literal * and \\\\ for a literal backslash).");
      }
      return pattern.matcher(text).matches();
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

  /**
   * StringMatches: {@code *} matches any run of characters; {@code \*} and {@code \\} are literal.
   * Null for a pattern with an open backslash, which fails when the rule is evaluated (as on AWS).
   */
  private static Pattern wildcard(String glob) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '\\') {
        char next = i + 1 < glob.length() ? glob.charAt(i + 1) : 0;
        if (next != '*' && next != '\\') {
          return null;
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
}
