package com.example.workshop.runtime.sfn.internal.query.jsonpath;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The syntax of an intrinsic call, {@code States.Name(arg, ...)}: arguments are 'strings' (with the
 * escapes \', \{, \} and \\), numbers, true, false, null, paths and nested calls (at most
 * {@value #MAX_NESTING} deep). Function names and argument counts come from {@link
 * IntrinsicFunctions}.
 */
final class IntrinsicParser {
  static final int MAX_NESTING = 10;
  private static final ObjectMapper MAPPER = Json.MAPPER;

  sealed interface Arg permits Literal, Text, PathRef, Call {}

  /** number, boolean or null literal. */
  record Literal(JsonNode value) implements Arg {}

  /** 'string' literal: decoded value and the source between the quotes (Format templates). */
  record Text(String value, String source) implements Arg {}

  record PathRef(String path) implements Arg {}

  record Call(String name, List<Arg> args) implements Arg {}

  private final String text;
  private int pos;

  private IntrinsicParser(String text) {
    this.text = text;
  }

  /** @throws IllegalArgumentException naming the problem and its position */
  static Call parse(String text) {
    return new IntrinsicParser(text).parseExpression();
  }

  private Call parseExpression() {
    skipSpace();
    Call call = parseCall(1);
    skipSpace();
    if (pos != text.length()) {
      throw error("unexpected '" + text.charAt(pos) + "' after the closing ')'");
    }
    return call;
  }

  private Call parseCall(int depth) {
    int start = pos;
    if (!text.startsWith("States.", pos)) {
      throw error("expected a function name like States.Format");
    }
    pos += "States.".length();
    while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
      pos++;
    }
    String name = text.substring(start + "States.".length(), pos);
    IntrinsicFunctions.Function fn = IntrinsicFunctions.get(name);
    if (fn == null) {
      pos = start;
      throw error(
          "unknown function 'States."
              + name
              + "' (known: States."
              + String.join(", States.", IntrinsicFunctions.names())
              + ")");
    }
    if (depth > MAX_NESTING) {
      pos = start;
      throw error("intrinsic functions can be nested at most " + MAX_NESTING + " deep");
    }
    skipSpace();
    expect('(');
    List<Arg> args = new ArrayList<>();
    skipSpace();
    if (peek() == ')') {
      pos++;
    } else {
      while (true) {
        skipSpace();
        args.add(parseArg(depth));
        skipSpace();
        char c = peek();
        if (c == ',') {
          pos++;
        } else if (c == ')') {
          pos++;
          break;
        } else {
          throw error(c == 0 ? "missing ')'" : "expected ',' or ')' but found '" + c + "'");
        }
      }
    }
    if (args.size() < fn.min() || args.size() > fn.max()) {
      pos = start;
      String expected =
          fn.min() == fn.max()
              ? String.valueOf(fn.min())
              : fn.max() == Integer.MAX_VALUE
                  ? "at least " + fn.min()
                  : fn.min() + " to " + fn.max();
      throw error(
          "States." + name + " takes " + expected + " argument(s) but got " + args.size());
    }
    return new Call(name, List.copyOf(args));
  }

  private Arg parseArg(int depth) {
    char c = peek();
    if (c == '\'') {
      return parseText();
    }
    if (c == '$') {
      return parsePath();
    }
    if (c == '-' || Character.isDigit(c)) {
      return parseNumber();
    }
    if (text.startsWith("States.", pos)) {
      return parseCall(depth + 1);
    }
    for (String word : new String[] {"null", "true", "false"}) {
      if (text.startsWith(word, pos) && !isWordChar(pos + word.length())) {
        pos += word.length();
        return new Literal(
            switch (word) {
              case "null" -> NullNode.getInstance();
              case "true" -> BooleanNode.TRUE;
              default -> BooleanNode.FALSE;
            });
      }
    }
    throw error(
        c == 0
            ? "missing argument or ')'"
            : "an argument must be a 'string', a number, true, false, null, a path ($...) or "
                + "an intrinsic function; found '"
                + c
                + "'");
  }

  private Text parseText() {
    int open = pos++;
    StringBuilder value = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\'') {
        String source = text.substring(open + 1, pos);
        pos++;
        return new Text(value.toString(), source);
      }
      if (c == '\\') {
        char next = pos + 1 < text.length() ? text.charAt(pos + 1) : 0;
        if (next != '\'' && next != '{' && next != '}' && next != '\\') {
          throw error(
              "illegal escape '\\"
                  + (next == 0 ? "" : String.valueOf(next))
                  + "' in a string literal (only \\', \\{, \\} and \\\\ are allowed)");
        }
        value.append(next);
        pos += 2;
      } else {
        value.append(c);
        pos++;
      }
    }
    pos = open;
    throw error("unterminated string literal");
  }

  private PathRef parsePath() {
    int start = pos;
    int brackets = 0;
    int parens = 0;
    char quote = 0;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (quote != 0) {
        if (c == '\\') {
          pos++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (brackets > 0 && (c == '\'' || c == '"')) {
        quote = c;
      } else if (c == '[') {
        brackets++;
      } else if (c == ']') {
        brackets--;
      } else if (c == '(' && brackets > 0) {
        parens++;
      } else if (c == ')' && parens > 0) {
        parens--;
      } else if (brackets == 0 && (c == ',' || c == ')')) {
        break;
      }
      pos++;
    }
    String path = text.substring(start, Math.min(pos, text.length())).strip();
    try {
      JsonPaths.checkSyntax(path);
    } catch (IllegalArgumentException e) {
      pos = start;
      throw error(e.getMessage());
    }
    return new PathRef(path);
  }

  private Literal parseNumber() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    while (pos < text.length()
        && (Character.isDigit(text.charAt(pos)) || "+-.eE".indexOf(text.charAt(pos)) >= 0)) {
      pos++;
    }
    String number = text.substring(start, pos);
    try {
      JsonNode node = MAPPER.readTree(number);
      if (node != null && node.isNumber()) {
        return new Literal(node);
      }
    } catch (JsonProcessingException e) {
      // reported below
    }
    pos = start;
    throw error("'" + number + "' is not a number");
  }

  private boolean isWordChar(int at) {
    return at < text.length() && Character.isLetterOrDigit(text.charAt(at));
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : 0;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(
        "Invalid intrinsic function call '"
            + text
            + "': "
            + what
            + " (at character "
            + (pos + 1)
            + ")");
  }
}
