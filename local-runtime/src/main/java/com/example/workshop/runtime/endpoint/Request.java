package com.example.workshop.runtime.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One request body, read member by member against the API's constraints. Constraint violations
 * are collected and reported together, as AWS does: {@code 2 validation errors detected: Value
 * '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal
 * to 1000; Value null at 'name' ...}. Sensitive members (input, output, error, cause) are named
 * without their value. A member of the wrong JSON type is a SerializationException.
 */
final class Request {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final JsonNode body;
  private final List<String> violations = new ArrayList<>();

  private Request(JsonNode body) {
    this.body = body;
  }

  static Request parse(byte[] body) {
    if (body.length == 0) {
      return new Request(JSON.createObjectNode());
    }
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ApiError("SerializationException", "The request body is not JSON: "
          + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (node == null || !node.isObject()) {
      throw new ApiError("SerializationException", "The request body must be a JSON object");
    }
    return new Request(node);
  }

  static Request of(JsonNode body) {
    return new Request(body);
  }

  /** The whole body as JSON text. */
  String json() {
    return body.toString();
  }

  /** A string member; null when absent (a violation when required). */
  String text(String member, boolean required, int min, int max) {
    return text(member, required, min, max, false);
  }

  /** A string member whose value AWS does not repeat in its messages (input, output, ...). */
  String sensitive(String member, boolean required, int min, int max) {
    return text(member, required, min, max, true);
  }

  private String text(String member, boolean required, int min, int max, boolean hidden) {
    JsonNode v = present(member);
    if (v == null) {
      if (required) {
        violations.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
      }
      return null;
    }
    if (!v.isTextual()) {
      throw wrongType(member, "a string");
    }
    String s = v.asText();
    String value = hidden ? "Value" : "Value '" + s + "'";
    if (s.length() < min) {
      violations.add(value + " at '" + member + "' failed to satisfy constraint: Member must have length"
          + " greater than or equal to " + min);
    } else if (s.length() > max) {
      violations.add(value + " at '" + member + "' failed to satisfy constraint: Member must have length"
          + " less than or equal to " + max);
    }
    return s;
  }

  /** An enum member; {@code allowed} in the order AWS lists them in its message. */
  String choice(String member, List<String> allowed) {
    JsonNode v = present(member);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      throw wrongType(member, "a string");
    }
    if (!allowed.contains(v.asText())) {
      violations.add("Value '" + v.asText() + "' at '" + member + "' failed to satisfy constraint: Member must"
          + " satisfy enum value set: [" + String.join(", ", allowed) + "]");
      return null;
    }
    return v.asText();
  }

  Integer integer(String member, int min, int max) {
    JsonNode v = present(member);
    if (v == null) {
      return null;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw wrongType(member, "an integer");
    }
    int n = v.intValue();
    if (n < min) {
      violations.add("Value '" + n + "' at '" + member + "' failed to satisfy constraint: Member must have value"
          + " greater than or equal to " + min);
    } else if (n > max) {
      violations.add("Value '" + n + "' at '" + member + "' failed to satisfy constraint: Member must have value"
          + " less than or equal to " + max);
    }
    return n;
  }

  boolean flag(String member, boolean otherwise) {
    JsonNode v = present(member);
    if (v == null) {
      return otherwise;
    }
    if (!v.isBoolean()) {
      throw wrongType(member, "true or false");
    }
    return v.booleanValue();
  }

  /** A structure member, as given; null when absent. */
  JsonNode structure(String member) {
    JsonNode v = present(member);
    if (v != null && !v.isObject()) {
      throw wrongType(member, "an object");
    }
    return v;
  }

  /** Throws the collected violations as one ValidationException. */
  void check() {
    if (!violations.isEmpty()) {
      int n = violations.size();
      throw ApiError.validation(n + " validation error" + (n == 1 ? "" : "s") + " detected: "
          + String.join("; ", violations));
    }
  }

  private JsonNode present(String member) {
    JsonNode v = body.get(member);
    return v == null || v instanceof NullNode ? null : v;
  }

  private static ApiError wrongType(String member, String expected) {
    return new ApiError("SerializationException", "'" + member + "' must be " + expected);
  }
}
