package com.example.workshop.runtime.sfn.internal.query.jsonpath;

import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.query.EvalContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * A JSONPath compiled once per definition. Plain dotted paths ({@code $.order.id}) are walked
 * directly; everything else, and every miss, goes through {@link JsonPaths} so results and error
 * texts stay Jayway's (which are AWS's).
 */
public final class QueryPath {
  private static final Pattern SIMPLE = Pattern.compile("\\$(\\.[A-Za-z_][A-Za-z0-9_]*)*");

  private final String text;
  /** True for {@code $$...}: the path reads the Context object. */
  private final boolean context;
  /** True for {@code $name...}: the path reads a workflow variable. */
  private final boolean variable;
  private final String[] segments;

  private QueryPath(String original) {
    this.context = original.startsWith("$$");
    this.variable = JsonPaths.isVariablePath(original);
    String text = context ? original.substring(1) : original;
    this.text = original;
    this.segments = SIMPLE.matcher(text).matches() && !text.equals("$")
        ? text.substring(2).split("\\.")
        : text.equals("$") ? new String[0] : null;
  }

  public static QueryPath of(String text) {
    return text == null ? null : new QueryPath(text);
  }

  /** The path as written, e.g. {@code $.order.id}. */
  public String text() {
    return text;
  }

  /**
   * Reads the path where it points: the Context object for {@code $$...}, a workflow variable for
   * {@code $name...}, else {@code document}.
   *
   * @throws JsonPaths.PathNotFound when a definite path selects nothing
   */
  public JsonNode read(JsonNode document, EvalContext ctx) {
    if (variable) {
      return JsonPaths.resolve(text, document, null, ctx.variables());
    }
    return read(context ? ctx.contextObject() : document);
  }

  /** Definite path: the value (throws {@code JsonPaths.PathNotFound}); indefinite: an array. */
  public JsonNode read(JsonNode document) {
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

  /**
   * ResultPath: a copy of {@code document} with {@code value} at this path (objects on the way are
   * copied, everything else shared). Plain dotted paths are handled here; the rest, and every
   * failure, by {@link JsonPaths#set} with its AWS error.
   */
  public JsonNode set(JsonNode document, JsonNode value) {
    if (segments == null || context) {
      return JsonPaths.set(document, text, value);
    }
    JsonNode result = setAt(document, 0, value);
    return result != null ? result : JsonPaths.set(document, text, value);
  }

  private JsonNode setAt(JsonNode node, int i, JsonNode value) {
    if (i == segments.length) {
      return value;
    }
    if (node != null && !node.isObject()) {
      return null;
    }
    JsonNode child = setAt(node == null ? null : node.get(segments[i]), i + 1, value);
    if (child == null) {
      return null;
    }
    // a right-sized copy: no rehashing while copying the fields
    java.util.Map<String, JsonNode> fields =
        new java.util.LinkedHashMap<>(((node == null ? 0 : node.size()) + 1) * 4 / 3 + 1);
    if (node != null) {
      for (var it = node.fields(); it.hasNext(); ) {
        var e = it.next();
        fields.put(e.getKey(), e.getValue());
      }
    }
    fields.put(segments[i], child);
    return new com.fasterxml.jackson.databind.node.ObjectNode(Json.NODES, fields);
  }

  private String path() {
    return context ? text.substring(1) : text;
  }

  @Override
  public String toString() {
    return text;
  }
}
