package com.example.workshop.runtime.sfn.internal.teststate;

import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.engine.ApiError;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Checks a mocked service result against the result shape of its integration (file {@code
 * service-results.json}), as TestState's field validation modes do: STRICT (the default) wants the
 * required fields and every present field of the right type, PRESENT only the latter, NONE
 * nothing. Fields the shape does not know pass (AWS adds fields over time), and so do
 * integrations the file does not list and the .sync and .waitForTaskToken forms, whose results
 * are not the API's.
 */
final class ResultSchemas {
  private static final String PREFIX = "Mock result schema validation error: ";
  private static final Set<String> PRIMITIVES =
      Set.of("string", "integer", "long", "double", "boolean", "timestamp", "blob", "any");
  private static final JsonNode FILE = load();

  private ResultSchemas() {}

  /**
   * @throws ApiError ValidationException naming the first field that does not fit
   */
  static void check(String resource, JsonNode result, String mode) {
    if ("NONE".equals(mode)) {
      return;
    }
    String operation = operation(resource);
    JsonNode shape = operation == null ? null : FILE.path("operations").get(operation);
    if (shape == null) {
      return;
    }
    if (!result.isObject()) {
      throw Refusal.validation(PREFIX + "the result of " + operation
          + " must be a JSON object");
    }
    new ResultSchemas.Walk("STRICT".equals(mode)).value(result, shape, null);
  }

  /** {@code arn:aws:states:::aws-sdk:s3:getObject} → {@code aws-sdk:s3:getObject}; else null. */
  static String operation(String resource) {
    String prefix = "arn:aws:states:::";
    if (!resource.startsWith(prefix) || resource.contains(".sync")
        || resource.endsWith(".waitForTaskToken")) {
      return null;
    }
    return resource.substring(prefix.length());
  }

  private record Walk(boolean strict) {
    void value(JsonNode value, JsonNode spec, String field) {
      if (spec.isTextual() && !PRIMITIVES.contains(spec.asText())) {
        value(value, FILE.path("shapes").get(spec.asText()), field);
      } else if (spec.isTextual()) {
        primitive(value, spec.asText(), spec, field);
      } else if (spec.has("list")) {
        if (!value.isArray()) {
          throw wrong(field, "must be an array");
        }
        value.forEach(item -> value(item, spec.get("list"), field));
      } else if (spec.has("map")) {
        if (!value.isObject()) {
          throw wrong(field, "must be an object");
        }
        value.forEach(item -> value(item, spec.get("map"), field));
      } else if (spec.has("members")) {
        structure(value, spec, field);
      } else {
        primitive(value, spec.get("type").asText(), spec, field);
      }
    }

    private void structure(JsonNode value, JsonNode spec, String field) {
      if (!value.isObject()) {
        throw wrong(field, "must be an object");
      }
      if (strict) {
        for (JsonNode required : spec.path("required")) {
          if (!value.has(required.asText())) {
            throw Refusal.validation(PREFIX + "Required field '" + required.asText()
                + "' is missing");
          }
        }
      }
      JsonNode members = spec.get("members");
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode member = members.get(e.getKey());
        if (member != null) {
          value(e.getValue(), member, e.getKey());
        }
      }
    }

    private void primitive(JsonNode value, String type, JsonNode spec, String field) {
      switch (type) {
        case "any" -> { }
        case "boolean" -> {
          if (!value.isBoolean()) {
            throw wrong(field, "must be a boolean");
          }
        }
        case "integer", "long", "double" -> {
          if (!value.isNumber()) {
            throw wrong(field, "must be a number");
          }
          if (!type.equals("double") && !value.isIntegralNumber()
              && value.asDouble() != Math.rint(value.asDouble())) {
            throw wrong(field, "must be an integer");
          }
          if (spec.has("min") && value.asDouble() < spec.get("min").asDouble()) {
            throw wrong(field, "is less than the minimum value");
          }
          if (spec.has("max") && value.asDouble() > spec.get("max").asDouble()) {
            throw wrong(field, "exceeds the maximum value");
          }
        }
        default -> { // string, timestamp, blob
          if (!value.isTextual()) {
            throw wrong(field, "must be a string");
          }
          String text = value.asText();
          if (spec.has("enum") && !contains(spec.get("enum"), text)) {
            throw wrong(field, "is not an expected value");
          }
          if (spec.has("min") && text.length() < spec.get("min").asInt()) {
            throw wrong(field, "is smaller than the minimum length");
          }
          if (spec.has("max") && text.length() > spec.get("max").asInt()) {
            throw wrong(field, "exceeds the maximum length");
          }
        }
      }
    }

    private static boolean contains(JsonNode values, String text) {
      for (JsonNode v : values) {
        if (v.asText().equals(text)) {
          return true;
        }
      }
      return false;
    }

    private static ApiError wrong(String field, String what) {
      return Refusal.validation(PREFIX + "Field '" + field + "' " + what);
    }
  }

  private static JsonNode load() {
    try (InputStream in = ResultSchemas.class.getResourceAsStream("service-results.json")) {
      if (in == null) {
        throw new IllegalStateException("service-results.json is missing from local-runtime");
      }
      return Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
