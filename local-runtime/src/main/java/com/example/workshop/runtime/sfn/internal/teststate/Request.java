package com.example.workshop.runtime.sfn.internal.teststate;

import com.example.workshop.runtime.sfn.internal.engine.ApiError;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A TestState request in AWS's JSON shape, read with the API's own constraints: a value that breaks
 * one is refused the way AWS refuses it ({@code ValidationException: 1 validation error detected:
 * Value at 'stateName' failed to satisfy constraint: ...}; sensitive values are not repeated), a
 * value of the wrong JSON type with {@code SerializationException}. Absent and null fields are null.
 */
record Request(String definition, String roleArn, String input, String inspectionLevel,
    boolean revealSecrets, String variables, String stateName, Mock mock, String context,
    Config config) {

  static final List<String> INSPECTION_LEVELS = List.of("INFO", "DEBUG", "TRACE");
  static final List<String> FIELD_VALIDATION_MODES = List.of("STRICT", "PRESENT", "NONE");
  private static final int PAYLOAD = 262_144;

  /** {@code mock}: a result (JSON text), or an errorOutput ({@code errorOutput} true). */
  record Mock(String result, boolean errorOutput, String error, String cause,
      String fieldValidationMode) {}

  /** {@code stateConfiguration}. */
  record Config(Integer retrierRetryCount, String errorCausedByState,
      Integer mapIterationFailureCount, String mapItemReaderData) {}

  static Request read(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new ApiError("SerializationException",
          "The TestState request must be a JSON object");
    }
    Constraints c = new Constraints();
    String definition = c.string(json, "definition", true, 1, 1_048_576, true);
    String roleArn = c.string(json, "roleArn", false, 1, 256, false);
    String input = c.string(json, "input", true, 0, PAYLOAD, false);
    String level = c.oneOf(json, "inspectionLevel", INSPECTION_LEVELS);
    boolean reveal = c.bool(json, "revealSecrets");
    String variables = c.string(json, "variables", true, 0, PAYLOAD, false);
    String stateName = c.string(json, "stateName", true, 1, 80, false);
    String context = c.string(json, "context", true, 0, PAYLOAD, false);
    Mock mock = null;
    JsonNode m = c.object(json, "mock");
    if (m != null) {
      JsonNode e = c.object(m, "errorOutput");
      mock = new Mock(c.string(m, "mock.result", "result", true, 0, PAYLOAD), e != null,
          e == null ? null : c.string(e, "mock.errorOutput.error", "error", true, 0, 256),
          e == null ? null : c.string(e, "mock.errorOutput.cause", "cause", true, 0, 32_768),
          c.oneOf(m, "mock.fieldValidationMode", "fieldValidationMode", FIELD_VALIDATION_MODES));
    }
    Config config = new Config(null, null, null, null);
    JsonNode sc = c.object(json, "stateConfiguration");
    if (sc != null) {
      config = new Config(c.count(sc, "stateConfiguration.retrierRetryCount", "retrierRetryCount"),
          c.string(sc, "stateConfiguration.errorCausedByState", "errorCausedByState", true, 1, 80),
          c.count(sc, "stateConfiguration.mapIterationFailureCount", "mapIterationFailureCount"),
          c.string(sc, "stateConfiguration.mapItemReaderData", "mapItemReaderData", true, 0,
              PAYLOAD));
    }
    c.check();
    return new Request(definition, roleArn, input, level == null ? "INFO" : level, reveal,
        variables, stateName, mock, context, config);
  }

  /** Collects constraint violations, then reports them all in AWS's one message. */
  private static final class Constraints {
    private final List<String> violations = new ArrayList<>();

    String string(JsonNode parent, String name, boolean sensitive, int min, int max,
        boolean required) {
      String value = string(parent, name, name, sensitive, min, max);
      if (value == null && required) {
        violations.add("Value null at '" + name + "' failed to satisfy constraint: Member must not"
            + " be null");
      }
      return value;
    }

    String string(JsonNode parent, String path, String name, boolean sensitive, int min,
        int max) {
      JsonNode n = present(parent, name);
      if (n == null) {
        return null;
      }
      if (!n.isTextual()) {
        throw wrongType(path, "a string");
      }
      String value = n.asText();
      String shown = sensitive ? "Value at '" + path + "'"
          : "Value '" + value + "' at '" + path + "'";
      if (value.length() < min) {
        violations.add(shown + " failed to satisfy constraint: Member must have length greater"
            + " than or equal to " + min);
      } else if (value.length() > max) {
        violations.add(shown + " failed to satisfy constraint: Member must have length less than"
            + " or equal to " + max);
      }
      return value;
    }

    String oneOf(JsonNode parent, String name, List<String> values) {
      return oneOf(parent, name, name, values);
    }

    String oneOf(JsonNode parent, String path, String name, List<String> values) {
      JsonNode n = present(parent, name);
      if (n == null) {
        return null;
      }
      if (!n.isTextual()) {
        throw wrongType(path, "a string");
      }
      if (!values.contains(n.asText())) {
        violations.add("Value '" + n.asText() + "' at '" + path + "' failed to satisfy"
            + " constraint: Member must satisfy enum value set: " + values);
      }
      return n.asText();
    }

    boolean bool(JsonNode parent, String name) {
      JsonNode n = present(parent, name);
      if (n != null && !n.isBoolean()) {
        throw wrongType(name, "a boolean");
      }
      return n != null && n.asBoolean();
    }

    Integer count(JsonNode parent, String path, String name) {
      JsonNode n = present(parent, name);
      if (n == null) {
        return null;
      }
      if (!n.canConvertToInt() || !n.isIntegralNumber()) {
        throw wrongType(path, "an integer");
      }
      if (n.asInt() < 0) {
        violations.add("Value '" + n.asInt() + "' at '" + path + "' failed to satisfy"
            + " constraint: Member must have value greater than or equal to 0");
      }
      return n.asInt();
    }

    JsonNode object(JsonNode parent, String name) {
      JsonNode n = present(parent, name);
      if (n != null && !n.isObject()) {
        throw wrongType(name, "an object");
      }
      return n;
    }

    void check() {
      if (!violations.isEmpty()) {
        throw Refusal.validation(violations.size() + " validation error"
            + (violations.size() == 1 ? "" : "s") + " detected: " + String.join("; ", violations));
      }
    }

    private static JsonNode present(JsonNode parent, String name) {
      JsonNode n = parent.get(name);
      return n == null || n.isNull() ? null : n;
    }

    private static ApiError wrongType(String path, String expected) {
      return new ApiError("SerializationException",
          "The field '" + path + "' of the TestState request must be " + expected);
    }
  }
}
