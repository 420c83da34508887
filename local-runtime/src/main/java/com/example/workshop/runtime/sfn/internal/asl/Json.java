package com.example.workshop.runtime.sfn.internal.asl;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/** Shared Jackson plumbing. JSON values flowing through an execution are never mutated in place. */
public final class Json {
  /**
   * Numbers keep their exact value: a decimal is a BigDecimal as written (scale included), never a
   * double that would round 12345678901234567.89 or turn 1e400 into Infinity.
   */
  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
      .nodeFactory(NODES)
      .build();

  /** Jackson's "[Source: REDACTED (...); line: 3, column: 7]", to become "line 3, column 7". */
  private static final Pattern SOURCE =
      Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)]");
  /** A \\u escape of a UTF-16 surrogate, the only way JSON text can hold a lone one. */
  private static final Pattern SURROGATE_ESCAPE = Pattern.compile("\\\\u[dD][89a-fA-F]");

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

  /**
   * Parses one JSON value: content after it, or a string holding half of a UTF-16 surrogate pair
   * ({@code "\\ud800"}, which no UTF-8 text can carry), is refused, never dropped or turned into
   * {@code ?}.
   *
   * @throws IllegalArgumentException with the parser's message and "line L, column C", without
   *     Jackson's settings
   */
  public static JsonNode parse(String text) {
    try (JsonParser p = MAPPER.createParser(text)) {
      JsonNode node = MAPPER.readTree(p);
      if (node == null) {
        throw new IllegalArgumentException("empty JSON text");
      }
      JsonLocation after;
      try {
        after = p.nextToken() == null ? null : p.currentTokenLocation();
      } catch (JsonProcessingException trailingGarbage) {
        after = trailingGarbage.getLocation();
      }
      if (after != null) {
        throw new IllegalArgumentException("unexpected content after the JSON value at "
            + where(after) + "; give one JSON value");
      }
      if (SURROGATE_ESCAPE.matcher(text).find() || hasSurrogate(text)) {
        String at = loneSurrogate(node, "$");
        if (at != null) {
          throw new IllegalArgumentException("the string at " + at + " holds half of a UTF-16"
              + " surrogate pair (such as \\ud800 alone), which is not Unicode text");
        }
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(plain(e), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A parser message a reader can act on: what, then "at line L, column C"; no Jackson settings. */
  private static String plain(JsonProcessingException e) {
    String message = withoutSettings(SOURCE.matcher(String.valueOf(e.getOriginalMessage()).strip())
        .replaceAll("line $1, column $2"));
    return e.getLocation() == null || e.getLocation().getLineNr() < 0 ? message
        : message + " at " + where(e.getLocation());
  }

  /**
   * Jackson's message without the names of its settings: "(1000, from
   * `StreamReadConstraints.getMaxNestingDepth()`)" becomes "(1000)", and so on.
   */
  public static String withoutSettings(String parserMessage) {
    return parserMessage
        .replaceAll(",? from `[^`]*`", "")
        .replaceAll("\\s*\\(use `[^`]*`[^)]*\\)", "")
        .replaceAll(": enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow",
            ": NaN and Infinity are not JSON numbers")
        .replaceAll("\\s*\\R\\s*", " ");
  }

  private static String where(JsonLocation at) {
    return "line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  private static boolean hasSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** The path of the first string or member name with an unpaired surrogate, else null. */
  private static String loneSurrogate(JsonNode node, String path) {
    if (node.isTextual()) {
      return unpaired(node.textValue()) ? path : null;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String found = loneSurrogate(node.get(i), path + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String member = path + "['" + e.getKey() + "']";
      if (unpaired(e.getKey())) {
        return member;
      }
      String found = loneSurrogate(e.getValue(), member);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static boolean unpaired(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
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
