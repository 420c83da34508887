package com.example.workshop.runtime.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Lambda's rules for synchronous payloads: JSON, at most 6 MB each way. */
final class Payloads {
  /** Invoke API: "payload is too large for the RequestResponse invocation type (limit 6291456 bytes)". */
  static final int REQUEST_LIMIT = 6_291_456;
  /** Runtime API: "Exceeded maximum allowed payload size (6291556 bytes)". */
  static final int RESPONSE_LIMIT = 6_291_556;

  /** No depth or length limits of its own: the size limit bounds the event. */
  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(Integer.MAX_VALUE)
          .maxStringLength(Integer.MAX_VALUE)
          .maxNumberLength(Integer.MAX_VALUE)
          .maxNameLength(Integer.MAX_VALUE)
          .build())
      .build();

  /** Jackson's "[Source: REDACTED (...); line: 3, column: 7]", to become "line 3, column 7". */
  private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)]");

  private Payloads() {}

  /**
   * The event as Lambda's Invoke API accepts it: one JSON value and nothing after it, at most
   * 6,291,456 bytes; null or blank means {@code {}}.
   *
   * @throws IllegalArgumentException saying what is wrong, where
   */
  static byte[] event(String eventJson) {
    String json = eventJson == null || eventJson.isBlank() ? "{}" : eventJson;
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > REQUEST_LIMIT) {
      throw new IllegalArgumentException("event is " + bytes.length + " bytes; Lambda accepts at most "
          + REQUEST_LIMIT + " bytes (6 MB) for a synchronous invocation (" + bytes.length
          + " byte payload is too large for the RequestResponse invocation type (limit " + REQUEST_LIMIT + " bytes))");
    }
    try (JsonParser p = JSON.createParser(bytes)) {
      int depth = 0;
      JsonToken t = p.nextToken();
      do {
        if (t == null) {
          throw new IllegalArgumentException("event is not valid JSON: it ends too early" + at(p.currentLocation()));
        }
        if (t.isStructStart()) {
          depth++;
        } else if (t.isStructEnd()) {
          depth--;
        }
        if (depth > 0) {
          t = p.nextToken();
        }
      } while (depth > 0);
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("event is not valid JSON: unexpected content after the event"
            + at(p.currentTokenLocation()) + "; an event is one JSON value");
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "event is not valid JSON: " + plain(e.getOriginalMessage()) + at(e.getLocation()));
    } catch (IOException e) {
      throw new IllegalArgumentException("event cannot be read: " + e.getMessage());
    }
    return bytes;
  }

  /** Jackson's parser message without its settings: what a learner can act on. */
  private static String plain(String parserMessage) {
    return SOURCE.matcher(parserMessage).replaceAll("line $1, column $2");
  }

  private static String at(JsonLocation where) {
    return where == null || where.getLineNr() < 0 ? ""
        : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
  }
}
