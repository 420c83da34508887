package com.example.workshop.runtime.sfn.internal.definition;

import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses definition text into a Jackson tree (last duplicate wins, as Jackson's default does),
 * remembering the line of every node and reporting every duplicate key. AWS parses definitions
 * with Jackson too, so syntax errors carry Jackson's own message.
 */
public final class DefinitionReader {
  static final String INVALID_JSON = "INVALID_JSON_DESCRIPTION";
  static final String SCHEMA = "SCHEMA_VALIDATION_FAILED";

  // The source text in locations is what AWS shows: [Source: (String)"..."; line: 1, column: 4].
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
  private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '([^']*)'");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** What {@link #read} found: a tree (null when the text is not a JSON object) and problems. */
  public record ReadResult(JsonNode root, LineLocator lines, List<Problem> diagnostics) {}

  private final List<Problem> diagnostics = new ArrayList<>();
  private final Map<String, Integer> lines = new HashMap<>();

  private DefinitionReader() {}

  public static ReadResult read(String text, String sourceName) {
    return new DefinitionReader().parse(text);
  }

  private ReadResult parse(String text) {
    if (text == null || text.isBlank()) {
      diagnostics.add(new Problem(SCHEMA, null, "Definition must be a valid JSON object", 0));
      return new ReadResult(null, LineLocator.none(), diagnostics);
    }
    JsonNode root;
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      try {
        root = value(parser, first, "");
      } catch (StreamConstraintsException e) {
        diagnostics.add(tooLarge(e, parser.currentLocation()));
        return new ReadResult(null, new LineLocator(lines), diagnostics);
      }
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        int line = parser.currentTokenLocation().getLineNr();
        diagnostics.add(new Problem(INVALID_JSON, "/", "Unexpected content after the end of the"
            + " definition (token " + trailing + "); a definition is exactly one JSON object", line));
      }
    } catch (JsonProcessingException e) {
      diagnostics.add(syntaxError(e));
      return new ReadResult(null, new LineLocator(lines), diagnostics);
    } catch (IOException e) {
      diagnostics.add(new Problem(INVALID_JSON, null, String.valueOf(e.getMessage()), 0));
      return new ReadResult(null, new LineLocator(lines), diagnostics);
    }
    if (!root.isObject()) {
      diagnostics.add(new Problem(SCHEMA, null, "Definition must be a valid JSON object",
          lines.getOrDefault("", 0)));
      return new ReadResult(null, new LineLocator(lines), diagnostics);
    }
    return new ReadResult(root, new LineLocator(lines), diagnostics);
  }

  /**
   * A definition past the parser's limits (nesting depth, string or number length): where, in
   * words, without Jackson's settings (Jackson gives these no location of their own).
   */
  private static Problem tooLarge(StreamConstraintsException e, JsonLocation at) {
    String what = Json.withoutSettings(e.getOriginalMessage());
    return new Problem(INVALID_JSON, null,
        "The definition is too large to read: " + what + " at line " + at.getLineNr()
            + ", column " + at.getColumnNr(), Math.max(at.getLineNr(), 0));
  }

  /**
   * Jackson's message and location. AWS's (older) Jackson located an unrecognized token after
   * its last character, current Jackson at its first; the AWS form is rebuilt here.
   */
  private static Problem syntaxError(JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    if (loc == null) {
      return new Problem(INVALID_JSON, null, e.getMessage(), 0);
    }
    String original = e.getOriginalMessage();
    Matcher m = UNRECOGNIZED.matcher(original);
    if (m.lookingAt() && loc.getColumnNr() > 0) {
      int length = m.group(1).length();
      loc = new JsonLocation(loc.contentReference(), -1L, loc.getCharOffset() + length,
          loc.getLineNr(), loc.getColumnNr() + length);
    }
    String location = loc.toString();
    return new Problem(INVALID_JSON, location, original + "\n at " + location,
        Math.max(loc.getLineNr(), 0));
  }

  private JsonNode value(JsonParser p, JsonToken token, String pointer) throws IOException {
    lines.putIfAbsent(pointer, p.currentTokenLocation().getLineNr());
    return switch (token) {
      case START_OBJECT -> object(p, pointer);
      case START_ARRAY -> array(p, pointer);
      case VALUE_STRING -> NODES.textNode(p.getText());
      case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
        case INT -> NODES.numberNode(p.getIntValue());
        case LONG -> NODES.numberNode(p.getLongValue());
        default -> NODES.numberNode(p.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new IllegalStateException("unexpected JSON token " + token);
    };
  }

  private ObjectNode object(JsonParser p, String pointer) throws IOException {
    ObjectNode node = NODES.objectNode();
    Map<String, Integer> keyLines = new HashMap<>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      int line = p.currentTokenLocation().getLineNr();
      String child = LineLocator.child(pointer, key);
      Integer firstLine = keyLines.putIfAbsent(key, line);
      if (firstLine != null) {
        diagnostics.add(new Problem(INVALID_JSON, child, "Duplicate field '" + key
            + "' (first at line " + firstLine + "); JSON keeps only the last one, so remove the"
            + " other copies", line));
        // Lines of the copy that wins (the last one), as the tree holds it.
        lines.keySet().removeIf(k -> k.equals(child) || k.startsWith(child + "/"));
      }
      lines.put(child, line);
      JsonToken valueToken = p.nextToken();
      String saved = child;
      JsonNode v = value(p, valueToken, saved);
      node.set(key, v);
    }
    if (t != JsonToken.END_OBJECT) {
      throw new IllegalStateException("unexpected JSON token " + t);
    }
    return node;
  }

  private ArrayNode array(JsonParser p, String pointer) throws IOException {
    ArrayNode node = NODES.arrayNode();
    JsonToken t;
    int i = 0;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      node.add(value(p, t, LineLocator.child(pointer, i++)));
    }
    return node;
  }
}
