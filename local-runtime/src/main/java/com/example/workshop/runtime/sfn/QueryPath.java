package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * A JSONPath compiled once per definition. Plain dotted paths ({@code $.order.id}) are walked
 * directly; everything else, and every miss, goes through {@link JsonPaths} so results and error
 * texts stay Jayway's (which are AWS's).
 */
final class QueryPath {
  private static final Pattern SIMPLE = Pattern.compile("\\$(\\.[A-Za-z_][A-Za-z0-9_]*)*");

  final String text;
  /** True for {@code $$...}: the path reads the Context object. */
  final boolean context;
  private final String[] segments;

  private QueryPath(String original) {
    this.context = original.startsWith("$$");
    String text = context ? original.substring(1) : original;
    this.text = original;
    this.segments = SIMPLE.matcher(text).matches() && !text.equals("$")
        ? text.substring(2).split("\\.")
        : text.equals("$") ? new String[0] : null;
  }

  static QueryPath of(String text) {
    return text == null ? null : new QueryPath(text);
  }

  /** Definite path: the value (throws {@code JsonPaths.PathNotFound}); indefinite: an array. */
  JsonNode read(JsonNode document) {
    if (segments != null) {
      JsonNode node = document;
      for (String s : segments) {
        node = node.isObject() ? node.get(s) : null;
        if (node == null) {
          return JsonPaths.read(document, path());
        }
      }
      return node;
    }
    return JsonPaths.read(document, path());
  }

  private String path() {
    return context ? text.substring(1) : text;
  }

  @Override
  public String toString() {
    return text;
  }
}
