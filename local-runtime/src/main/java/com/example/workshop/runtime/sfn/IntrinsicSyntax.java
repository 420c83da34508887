package com.example.workshop.runtime.sfn;

import java.util.Set;

/**
 * Definition-time syntax of intrinsic function calls ({@code States.Format('{}', $.orderId)}):
 * known function names, string literals whose only escapes are {@code \' \{ \} \\}, numbers,
 * null, paths and nested calls (at most 10 deep). Argument counts and types are checked when the
 * call runs, as on AWS.
 */
final class IntrinsicSyntax {
  static final Set<String> FUNCTIONS = Set.of("States.Format", "States.StringToJson",
      "States.JsonToString", "States.Array", "States.ArrayPartition", "States.ArrayContains",
      "States.ArrayRange", "States.ArrayGetItem", "States.ArrayLength", "States.ArrayUnique",
      "States.Base64Encode", "States.Base64Decode", "States.Hash", "States.JsonMerge",
      "States.MathRandom", "States.MathAdd", "States.StringSplit", "States.UUID");
  private static final int MAX_DEPTH = 10;

  private final String s;
  private int pos;

  private IntrinsicSyntax(String s) {
    this.s = s;
  }

  /** Whether a {@code .$} value is meant as a call rather than a path. */
  static boolean looksLikeCall(String value) {
    return !value.startsWith("$");
  }

  /** Null when {@code expression} is a well-formed call, else the reason. */
  static String check(String expression) {
    IntrinsicSyntax p = new IntrinsicSyntax(expression);
    try {
      p.skipSpaces();
      p.call(1);
      p.skipSpaces();
      if (p.pos != p.s.length()) {
        throw p.error("unexpected text after the call");
      }
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  private void call(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("intrinsic functions nest at most " + MAX_DEPTH + " deep");
    }
    int start = pos;
    while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
      pos++;
    }
    String name = s.substring(start, pos);
    if (!FUNCTIONS.contains(name)) {
      throw error("unknown intrinsic function '" + name + "'");
    }
    skipSpaces();
    expect('(');
    skipSpaces();
    if (peek() == ')') {
      pos++;
      return;
    }
    while (true) {
      skipSpaces();
      argument(depth);
      skipSpaces();
      char c = peek();
      pos++;
      if (c == ')') {
        return;
      }
      if (c != ',') {
        throw error("expected ',' or ')'");
      }
    }
  }

  private void argument(int depth) {
    char c = peek();
    if (c == '\'') {
      string();
    } else if (c == '$') {
      path();
    } else if (c == '-' || Character.isDigit(c)) {
      number();
    } else if (s.startsWith("null", pos)) {
      pos += 4;
    } else if (s.startsWith("States.", pos)) {
      call(depth + 1);
    } else {
      throw error("expected a string literal, number, null, path or intrinsic function");
    }
  }

  private void string() {
    pos++;
    while (pos < s.length()) {
      char c = s.charAt(pos++);
      if (c == '\'') {
        return;
      }
      if (c == '\\') {
        char e = pos < s.length() ? s.charAt(pos++) : ' ';
        if ("'{}\\".indexOf(e) < 0) {
          throw error("illegal escape '\\" + e + "' in a string literal (only \\' \\{ \\} \\\\)");
        }
      }
    }
    throw error("unterminated string literal");
  }

  private void number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    while (pos < s.length() && "0123456789.eE+-".indexOf(s.charAt(pos)) >= 0) {
      pos++;
    }
    try {
      Double.parseDouble(s.substring(start, pos));
    } catch (NumberFormatException e) {
      throw error("invalid number '" + s.substring(start, pos) + "'");
    }
  }

  private void path() {
    int start = pos;
    int brackets = 0;
    char quote = 0;
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (quote != 0) {
        if (c == '\\') {
          pos++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '[' || c == '(') {
        brackets++;
      } else if (c == ']' || (c == ')' && brackets > 0)) {
        brackets--;
      } else if (brackets == 0 && (c == ',' || c == ')' || Character.isWhitespace(c))) {
        break;
      }
      pos++;
    }
    String path = s.substring(start, pos);
    String reason = PathSyntax.check(path, false);
    if (reason != null) {
      throw error("invalid path '" + path + "': " + reason);
    }
  }

  private void skipSpaces() {
    while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
      pos++;
    }
  }

  private char peek() {
    if (pos >= s.length()) {
      throw error("unexpected end of the expression");
    }
    return s.charAt(pos);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException(message + " at character " + (pos + 1) + " of " + s);
  }
}
