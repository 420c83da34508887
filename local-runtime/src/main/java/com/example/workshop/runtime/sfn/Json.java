package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** Shared Jackson plumbing. JSON values flowing through an execution are never mutated in place. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  /** Compact JSON text, as history details and Lambda events carry it. */
  static String text(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses JSON text; throws {@link JsonProcessingException} wrapped as IllegalArgumentException. */
  static JsonNode parse(String text) {
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

  /** Renders like Python's json.dumps defaults ({@code ", "} and {@code ": "}), as direct-ARN Lambda causes read. */
  static String spacedText(JsonNode node) {
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
