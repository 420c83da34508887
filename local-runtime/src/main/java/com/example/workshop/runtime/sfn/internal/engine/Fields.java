package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.ErrorNames;
import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import com.example.workshop.runtime.sfn.internal.asl.Timestamps;
import com.example.workshop.runtime.sfn.internal.model.NumberValue;
import com.example.workshop.runtime.sfn.internal.model.TextValue;
import com.example.workshop.runtime.sfn.internal.model.WaitState;
import com.example.workshop.runtime.sfn.internal.query.jsonata.JsonataTemplate;
import com.example.workshop.runtime.sfn.internal.query.jsonata.States;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.JsonPathIo;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.JsonPaths;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.QueryPath;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Reads the fields whose value is a literal, a {@code ...Path} or a JSONata expression, with the
 * error each form gets on AWS when the value is unusable.
 */
final class Fields {
  private Fields() {}

  /** Error or Cause of a Fail state, read from its raw input; null when absent. */
  static String text(TextValue value, String field, JsonNode raw, Visit v) {
    if (value == null) {
      return null;
    }
    if (value instanceof TextValue.Literal l) {
      return l.value();
    }
    if (value instanceof TextValue.Jsonata j) {
      return jsonata(j.template(), raw, v, "string").asText();
    }
    TextValue.Expression e = (TextValue.Expression) value;
    JsonNode selected = e.node().eval(raw, v);
    if (!selected.isTextual()) {
      throw new StatesError(ErrorNames.RUNTIME, "The " + field + "Path '" + e.source()
          + "' must select a string, but selected " + Json.text(selected));
    }
    return selected.asText();
  }

  /** The instant a Wait state ends, in epoch milliseconds. */
  static long waitUntil(WaitState w, JsonNode input, Visit v) {
    long now = v.run().scheduler().now();
    if (w.seconds() instanceof NumberValue.Literal l) {
      return Time.plusSeconds(now, l.value().asLong());
    }
    if (w.seconds() instanceof NumberValue.Path p) {
      JsonNode value = waitPath(p.path(), input, v, "SecondsPath");
      String shown = p.path().text() + " == " + display(value);
      if (!isLong(value)) {
        throw new StatesError(ErrorNames.RUNTIME,
            "The SecondsPath parameter cannot be parsed as a long value: " + shown);
      }
      if (value.asLong() < 0) {
        throw new StatesError(ErrorNames.RUNTIME,
            "The SecondsPath parameter references a negative value: " + shown);
      }
      return Time.plusSeconds(now, value.asLong());
    }
    if (w.seconds() instanceof NumberValue.Jsonata j) {
      JsonNode value = jsonata(j.template(), input, v, "integer");
      if (!isLong(value)) {
        throw v.evaluationFailed("Seconds", "The Seconds field cannot be parsed as a long value: "
            + display(value));
      }
      if (value.asLong() < 0) {
        throw v.evaluationFailed("Seconds",
            "The Seconds field must not be negative, but was: " + value.asLong());
      }
      return Time.plusSeconds(now, value.asLong());
    }
    return timestamp(w.timestamp(), input, v).toEpochMilli();
  }

  private static Instant timestamp(TextValue value, JsonNode input, Visit v) {
    if (value instanceof TextValue.Literal l) {
      Instant at = Timestamps.parse(l.value());
      if (at == null) {
        throw new StatesError(ErrorNames.RUNTIME, "The Timestamp field '" + l.value()
            + "' is not a valid ISO-8601 extended offset date-time.");
      }
      return at;
    }
    if (value instanceof TextValue.Path p) {
      JsonNode ts = waitPath(p.path(), input, v, "TimestampPath");
      Instant at = ts.isTextual() ? Timestamps.parse(ts.asText()) : null;
      if (at == null) {
        throw new StatesError(ErrorNames.RUNTIME, "The TimestampPath parameter does not"
            + " reference a valid ISO-8601 extended offset date-time format string: "
            + p.path().text() + " == " + display(ts));
      }
      return at;
    }
    JsonNode ts = jsonata(((TextValue.Jsonata) value).template(), input, v, null);
    Instant at = ts.isTextual() ? Timestamps.parse(ts.asText()) : null;
    if (at == null) {
      throw v.evaluationFailed("Timestamp", "The Timestamp field cannot be parsed as an ISO-8601"
          + " extended offset date-time format string: " + display(ts));
    }
    return at;
  }

  /** A whole number within a Java long, as AWS parses these fields. */
  private static boolean isLong(JsonNode n) {
    if (n.isIntegralNumber()) {
      return n.canConvertToLong();
    }
    if (n.isBigDecimal()) { // exact: 1e400 is out of range, 1E+2 is 100, 1e-400 is not whole
      BigDecimal d = n.decimalValue();
      return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0
          && d.compareTo(LONG_MIN) >= 0 && d.compareTo(LONG_MAX) <= 0;
    }
    return n.isNumber() && n.asDouble() == Math.rint(n.asDouble())
        && Math.abs(n.asDouble()) < 9.2e18;
  }

  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private static JsonNode waitPath(QueryPath path, JsonNode doc, Visit v, String field) {
    try {
      return path.read(doc, v);
    } catch (JsonPaths.PathNotFound e) {
      throw new StatesError(ErrorNames.RUNTIME, "The " + field
          + " parameter does not reference an input value: " + path.text());
    }
  }

  /**
   * TimeoutSeconds or HeartbeatSeconds of a Task; the path form reads the input after InputPath.
   * Null when absent.
   */
  static Long seconds(NumberValue value, String field, JsonNode raw, JsonNode afterInputPath,
      Visit v) {
    if (value == null) {
      return null;
    }
    if (value instanceof NumberValue.Literal l) {
      return l.value().asLong();
    }
    JsonNode n;
    if (value instanceof NumberValue.Path p) {
      n = JsonPathIo.read(p.path(), afterInputPath, v);
      if (!isLong(n) || n.asLong() < 1) {
        throw new StatesError(ErrorNames.RUNTIME, "The " + field + "Path field refers to value \""
            + display(n) + "\" which is not a positive integer: " + p.path().text());
      }
      return n.asLong();
    }
    n = jsonata(((NumberValue.Jsonata) value).template(), raw, v, "integer");
    if (!isLong(n) || n.asLong() < 1) {
      throw v.evaluationFailed(field, "The " + field + " field must be a positive integer, but"
          + " was: " + display(n));
    }
    return n.asLong();
  }

  /** MaxConcurrency or ToleratedFailureCount of a Map; null when absent. */
  static Integer integer(NumberValue value, String pathField, JsonNode effective, JsonNode raw,
      Visit v) {
    if (value == null) {
      return null;
    }
    if (value instanceof NumberValue.Path p) {
      JsonNode n = JsonPathIo.read(p.path(), effective, v);
      if (!n.isIntegralNumber() && !(n.isBigDecimal() && n.decimalValue().stripTrailingZeros()
          .scale() <= 0) && !(n.isNumber() && n.asDouble() == Math.rint(n.asDouble()))) {
        throw new StatesError(ErrorNames.RUNTIME, "The " + pathField + " field refers to value \""
            + display(n) + "\" which is not a valid integer: " + p.path().text());
      }
      return clamp(n);
    }
    if (value instanceof NumberValue.Literal l) {
      return l.value().isNumber() ? clamp(l.value()) : null;
    }
    return clamp(jsonata(((NumberValue.Jsonata) value).template(), raw, v, "integer"));
  }

  private static int clamp(JsonNode n) {
    double d = n.asDouble();
    return d >= Integer.MAX_VALUE ? Integer.MAX_VALUE : d <= Integer.MIN_VALUE ? Integer.MIN_VALUE
        : (int) d;
  }

  /** ToleratedFailurePercentage of a Map; null when absent. */
  static Double percentage(NumberValue value, JsonNode effective, JsonNode raw, Visit v) {
    if (value == null) {
      return null;
    }
    if (value instanceof NumberValue.Path p) {
      JsonNode n = JsonPathIo.read(p.path(), effective, v);
      if (!n.isNumber()) {
        throw new StatesError(ErrorNames.RUNTIME,
            "The ToleratedFailurePercentagePath field refers to value \"" + display(n)
                + "\" which is not a valid float: " + p.path().text());
      }
      return n.asDouble();
    }
    if (value instanceof NumberValue.Literal l) {
      return l.value().isNumber() ? l.value().asDouble() : null;
    }
    return jsonata(((NumberValue.Jsonata) value).template(), raw, v, "number").asDouble();
  }

  /** A JSONata field evaluated with {@code $states.input} = {@code input}. */
  static JsonNode jsonata(JsonataTemplate t, JsonNode input, Visit v, String expected) {
    JsonNode states = States.of(input, null, null, v);
    return expected == null ? t.apply(states, v) : t.apply(states, v, expected);
  }

  private static String display(JsonNode value) {
    return value.isTextual() ? value.asText() : Json.text(value);
  }
}
