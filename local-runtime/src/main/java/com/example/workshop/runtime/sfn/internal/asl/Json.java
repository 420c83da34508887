package com.example.workshop.runtime.sfn.internal.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** Shared Jackson plumbing. JSON values flowing through an execution are never mutated in place. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();
  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /** Compact JSON text, as history details and Lambda events carry it. */
  public static String text(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses JSON text; throws {@link JsonProcessingException} wrapped as IllegalArgumentException. */
  public static JsonNode parse(String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null) {
        throw new IllegalArgumentException("empty JSON text");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  /**
   * Parses a whole document: one JSON value and nothing after it. The message of a failure says
   * what is wrong at which line and column, without Jackson's source description.
   */
  public static JsonNode parseDocument(String text) {
    try (com.fasterxml.jackson.core.JsonParser p = MAPPER.createParser(text)) {
      JsonNode node = MAPPER.readTree(p);
      if (node == null || node.isMissingNode()) {
        throw new IllegalArgumentException("no JSON value (the text is empty)");
      }
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("unexpected content after the JSON value at line "
            + p.currentTokenLocation().getLineNr() + ", column "
            + p.currentTokenLocation().getColumnNr());
      }
      return node;
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " ")
          .replaceAll("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)]", "line $1, column $2");
      var at = e.getLocation();
      throw new IllegalArgumentException(message
          + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()), e);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * True when the compact UTF-8 JSON text of {@code node} is longer than {@code limit} bytes.
   * Walks the tree and stops early; small values cost next to nothing (no text is built).
   */
  public static boolean exceeds(JsonNode node, int limit) {
    long upper = estimate(node, limit + 1L);
    if (upper <= limit) {
      return false;
    }
    return text(node).getBytes(java.nio.charset.StandardCharsets.UTF_8).length > limit;
  }

  /** An upper bound of the encoded size (strings counted as 6 bytes per char at worst), capped. */
  private static long estimate(JsonNode node, long cap) {
    if (node.isTextual()) {
      return 2L + node.textValue().length() * 6L;
    }
    if (node.isContainerNode()) {
      long total = 2;
      for (var it = node.fields(); it.hasNext(); ) {
        var e = it.next();
        total += 4L + e.getKey().length() * 6L + estimate(e.getValue(), cap);
        if (total > cap) {
          return total;
        }
      }
      if (node.isArray()) {
        for (JsonNode v : node) {
          total += 1 + estimate(v, cap);
          if (total > cap) {
            return total;
          }
        }
      }
      return total;
    }
    return node.isNumber() ? 40 : 5;
  }

  /** Renders like Python's json.dumps defaults ({@code ", "} and {@code ": "}), as direct-ARN Lambda causes read. */
  public static String spacedText(JsonNode node) {
    StringBuilder sb = new StringBuilder();
    spaced(node, sb);
    return sb.toString();
  }

  private static void spaced(JsonNode node, StringBuilder sb) {
    if (node.isObject()) {
      sb.append('{');
      boolean first = true;
      for (var it = node.fields(); it.hasNext(); ) {
        var e = it.next();
        if (!first) {
          sb.append(", ");
        }
        first = false;
        sb.append(text(NODES.textNode(e.getKey()))).append(": ");
        spaced(e.getValue(), sb);
      }
      sb.append('}');
    } else if (node.isArray()) {
      sb.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        spaced(node.get(i), sb);
      }
      sb.append(']');
    } else {
      sb.append(text(node));
    }
  }
}
