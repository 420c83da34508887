package com.example.workshop.runtime.sfn.internal.query.jsonpath;

import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSONPath as Step Functions evaluates it: Jayway JsonPath over Jackson trees, so results and error
 * texts are the ones AWS reports. Returned nodes may share structure with the document; treat both
 * as immutable.
 */
public final class JsonPaths {
  private static final ObjectMapper MAPPER = Json.MAPPER;
  private static final Configuration CONFIGURATION =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider(MAPPER))
          .mappingProvider(new JacksonMappingProvider(MAPPER))
          .build();

  /** Compiled paths by text: definitions reuse a handful of paths on every execution. */
  private static final Map<String, JsonPath> COMPILED = new ConcurrentHashMap<>();

  private static final int MAX_CACHED = 4096;

  private JsonPaths() {}

  /** A definite path that selects nothing; the message is AWS's (Jayway's) text. */
  public static final class PathNotFound extends RuntimeException {
    private final String path;

    public PathNotFound(String path, String detail) {
      super("Invalid path '" + path + "' : " + detail, null, false, false);
      this.path = path;
    }

    public String path() {
      return path;
    }
  }

  /**
   * Evaluates {@code path} ({@code $...}) on {@code document}. A definite path returns the selected
   * node or throws {@link PathNotFound}; an indefinite one returns an array of matches.
   *
   * @throws IllegalArgumentException when the path is not valid JSONPath
   */
  public static JsonNode read(JsonNode document, String path) {
    JsonNode root = document == null ? NullNode.getInstance() : document;
    JsonNode direct = simpleRead(root, path);
    if (direct != null) {
      return direct;
    }
    JsonPath compiled = compile(path);
    if ("$".equals(path.strip())) {
      return root;
    }
    Object result;
    try {
      result = compiled.read(root, CONFIGURATION);
    } catch (PathNotFoundException e) {
      if (!compiled.isDefinite()) {
        return JsonNodeFactory.instance.arrayNode();
      }
      throw new PathNotFound(path, e.getMessage());
    }
    return toNode(result);
  }

  /**
   * Evaluates a path that starts with {@code $$} on the Context object and any other path on {@code
   * input}.
   */
  public static JsonNode readWithContext(JsonNode input, JsonNode context, String path) {
    if (isContextPath(path)) {
      return read(context, path.substring(1));
    }
    return read(input, path);
  }

  /**
   * Evaluates a path as a payload template, Choice rule or intrinsic argument sees it: {@code
   * $$...} on the Context object, {@code $name...} on the workflow variable {@code name}, {@code
   * $...} on the input. An undefined variable is reported like a path that selects nothing.
   */
  public static JsonNode resolve(
      String path, JsonNode input, JsonNode context, Map<String, JsonNode> variables) {
    if (isVariablePath(path)) {
      int end = 1;
      while (end < path.length() && isVariableChar(path.charAt(end))) {
        end++;
      }
      String name = path.substring(1, end);
      JsonNode value = variables == null ? null : variables.get(name);
      if (value == null) {
        throw new PathNotFound(path, "The variable '$" + name + "' is not defined");
      }
      return read(value, onDocument(path));
    }
    return readWithContext(input, context, path);
  }

  /**
   * True for {@code $name} / {@code $name.field} (a workflow variable), not {@code $.x}, {@code
   * $$}.
   */
  public static boolean isVariablePath(String path) {
    return path != null
        && path.length() > 1
        && path.charAt(0) == '$'
        && (Character.isLetter(path.charAt(1)) || path.charAt(1) == '_');
  }

  private static boolean isVariableChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  public static boolean isContextPath(String path) {
    return path.startsWith("$$");
  }

  /** True when the path selects at most one node (no wildcards, slices, filters, unions, ..). */
  public static boolean isDefinite(String path) {
    return compile(onDocument(path)).isDefinite();
  }

  /** Throws IllegalArgumentException with Jayway's explanation when the path does not compile. */
  public static void checkSyntax(String path) {
    compile(onDocument(path));
  }

  /**
   * The part of a context ({@code $$.x}) or variable ({@code $v.x}) path applied to its document.
   */
  private static String onDocument(String path) {
    if (isContextPath(path)) {
      return path.substring(1);
    }
    if (isVariablePath(path)) {
      int end = 1;
      while (end < path.length() && isVariableChar(path.charAt(end))) {
        end++;
      }
      return "$" + path.substring(end);
    }
    return path;
  }

  /**
   * Hot path (engine): {@code $.a.b} with plain names is walked directly; null when the path is
   * not that simple or does not resolve, so Jayway produces the result or AWS's error text.
   */
  private static JsonNode simpleRead(JsonNode root, String path) {
    String[] names = SIMPLE_PATHS.get(path);
    if (names == null) {
      names = simpleNames(path);
      if (SIMPLE_PATHS.size() < MAX_CACHED) {
        SIMPLE_PATHS.put(path, names);
      }
    }
    if (names.length == 0) {
      return null;
    }
    JsonNode node = root;
    for (String name : names) {
      if (!node.isObject()) {
        return null;
      }
      node = node.get(name);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  /** Field names of {@code $.a.b} (hash codes cached with the strings); empty when not that simple. */
  private static final Map<String, String[]> SIMPLE_PATHS = new ConcurrentHashMap<>();

  private static String[] simpleNames(String path) {
    int n = path.length();
    if (n < 3 || path.charAt(0) != '$' || path.charAt(1) != '.') {
      return new String[0];
    }
    List<String> names = new ArrayList<>();
    int start = 2;
    for (int i = 2; i <= n; i++) {
      char c = i < n ? path.charAt(i) : '.';
      if (c == '.') {
        if (i == start) {
          return new String[0];
        }
        names.add(path.substring(start, i));
        start = i + 1;
      } else if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
        return new String[0];
      }
    }
    return names.toArray(String[]::new);
  }

  private static JsonPath compile(String path) {
    if (path == null || !path.startsWith("$")) {
      throw new IllegalArgumentException(
          "Invalid JSONPath '" + path + "': a path must start with '$'");
    }
    JsonPath cached = COMPILED.get(path);
    if (cached != null) {
      return cached;
    }
    JsonPath compiled;
    try {
      compiled = JsonPath.compile(literalBracketKeys(path));
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("Invalid JSONPath '" + path + "': " + e.getMessage(), e);
    }
    if (COMPILED.size() < MAX_CACHED) {
      COMPILED.put(path, compiled);
    }
    return compiled;
  }

  /**
   * AWS takes the text between the quotes of {@code ['...']} literally (a backslash only stops the
   * next character from ending the key); Jayway 2.9 unescapes it. Escaping every backslash pair
   * makes Jayway yield AWS's key.
   */
  private static String literalBracketKeys(String path) {
    if (path.indexOf('\\') < 0) {
      return path;
    }
    StringBuilder out = new StringBuilder(path.length() + 8);
    int i = 0;
    int n = path.length();
    while (i < n) {
      char c = path.charAt(i);
      out.append(c);
      i++;
      if (c == '[' && i < n && (path.charAt(i) == '\'' || path.charAt(i) == '"')) {
        char quote = path.charAt(i);
        out.append(quote);
        i++;
        while (i < n && path.charAt(i) != quote) {
          char k = path.charAt(i);
          if (k == '\\' && i + 1 < n) {
            char next = path.charAt(i + 1);
            out.append("\\\\")
                .append(next == '\\' ? "\\\\" : next == quote ? "\\" + next : "" + next);
            i += 2;
          } else {
            out.append(k);
            i++;
          }
        }
      }
    }
    return out.toString();
  }

  private static JsonNode toNode(Object value) {
    if (value instanceof JsonNode node) {
      return node;
    }
    if (value == null) {
      return NullNode.getInstance();
    }
    return MAPPER.valueToTree(value);
  }

  /**
   * Applies ResultPath: returns a copy of {@code document} with {@code value} placed at {@code
   * referencePath}, creating missing intervening objects. {@code $} returns the value itself. The
   * input document is never modified (nodes off the path are shared).
   *
   * @throws StatesError States.ResultPathMatchFailure when the path crosses a non-object
   * @throws IllegalArgumentException when the path is not a reference path
   */
  public static JsonNode set(JsonNode document, String referencePath, JsonNode value) {
    List<Object> steps = referenceSteps(referencePath);
    if (steps.isEmpty()) {
      return value;
    }
    return setAt(document, steps, 0, value, referencePath, document);
  }

  private static JsonNode setAt(
      JsonNode node, List<Object> steps, int i, JsonNode value, String path, JsonNode document) {
    if (i == steps.size()) {
      return value;
    }
    Object step = steps.get(i);
    if (step instanceof String field) {
      if (node == null) {
        node = JsonNodeFactory.instance.objectNode();
      }
      if (!node.isObject()) {
        throw matchFailure(path, document);
      }
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      copy.setAll((ObjectNode) node);
      copy.set(field, setAt(node.get(field), steps, i + 1, value, path, document));
      return copy;
    }
    int index = (Integer) step;
    if (node == null || !node.isArray() || index >= node.size()) {
      throw matchFailure(path, document);
    }
    ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
    copy.addAll((ArrayNode) node);
    copy.set(index, setAt(node.get(index), steps, i + 1, value, path, document));
    return copy;
  }

  private static StatesError matchFailure(String path, JsonNode document) {
    return new StatesError(
        "States.ResultPathMatchFailure",
        "Unable to apply ResultPath '"
            + path
            + "' to input '"
            + document
            + "': the path must lead through JSON objects");
  }

  /**
   * Splits a reference path into field names (String) and array indexes (Integer): {@code $},
   * {@code .name}, {@code ['name']}, {@code ["name"]}, {@code [0]}.
   */
  public static List<Object> referenceSteps(String path) {
    if (path == null || !path.startsWith("$") || path.startsWith("$$")) {
      throw badReference(path, "a reference path must start with '$'");
    }
    List<Object> steps = new ArrayList<>();
    int i = 1;
    int n = path.length();
    while (i < n) {
      char c = path.charAt(i);
      if (c == '.') {
        int start = ++i;
        while (i < n && path.charAt(i) != '.' && path.charAt(i) != '[') {
          i++;
        }
        String name = path.substring(start, i);
        if (name.isEmpty() || name.contains("*") || name.contains("..")) {
          throw badReference(path, "empty or wildcard field name at position " + start);
        }
        steps.add(name);
      } else if (c == '[') {
        int close;
        if (i + 1 < n && (path.charAt(i + 1) == '\'' || path.charAt(i + 1) == '"')) {
          char quote = path.charAt(i + 1);
          StringBuilder name = new StringBuilder();
          int j = i + 2;
          while (j < n && path.charAt(j) != quote) {
            if (path.charAt(j) == '\\' && j + 1 < n) {
              j++;
            }
            name.append(path.charAt(j++));
          }
          if (j + 1 >= n || path.charAt(j + 1) != ']') {
            throw badReference(path, "unterminated bracket at position " + i);
          }
          steps.add(name.toString());
          close = j + 1;
        } else {
          close = path.indexOf(']', i);
          if (close < 0) {
            throw badReference(path, "unterminated bracket at position " + i);
          }
          String inside = path.substring(i + 1, close).strip();
          if (!inside.matches("\\d+")) {
            throw badReference(
                path, "'[" + inside + "]' does not select a single node (use a field or an index)");
          }
          steps.add(Integer.parseInt(inside));
        }
        i = close + 1;
      } else {
        throw badReference(path, "unexpected '" + c + "' at position " + i);
      }
    }
    return steps;
  }

  private static IllegalArgumentException badReference(String path, String why) {
    return new IllegalArgumentException("Invalid reference path '" + path + "': " + why);
  }
}
