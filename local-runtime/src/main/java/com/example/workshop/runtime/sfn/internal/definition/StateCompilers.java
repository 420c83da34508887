package com.example.workshop.runtime.sfn.internal.definition;

import static com.example.workshop.runtime.sfn.internal.definition.Checks.SCHEMA;

import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.asl.Limits;
import com.example.workshop.runtime.sfn.internal.definition.Compiler.Part;
import com.example.workshop.runtime.sfn.internal.model.FailState;
import com.example.workshop.runtime.sfn.internal.model.NumberValue;
import com.example.workshop.runtime.sfn.internal.model.PassState;
import com.example.workshop.runtime.sfn.internal.model.SucceedState;
import com.example.workshop.runtime.sfn.internal.model.TaskState;
import com.example.workshop.runtime.sfn.internal.model.TextValue;
import com.example.workshop.runtime.sfn.internal.model.WaitState;
import com.example.workshop.runtime.sfn.internal.query.StateIo;
import com.example.workshop.runtime.sfn.internal.query.jsonata.JsonataTemplate;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.PathSyntax;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.PayloadTemplate;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.QueryPath;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Pass, Succeed, Task, Wait and Fail: their own fields, checked and compiled. */
final class StateCompilers {
  static final String INVALID_RESOURCE = "INVALID_RESOURCE";
  private static final Pattern ARN =
      Pattern.compile("arn:[^:\\s]+:[^:\\s]+:[^:\\s]*:[^:\\s]*:\\S+");

  private StateCompilers() {}

  static PassState pass(Part p, StateIo io) {
    JsonNode result = p.node().get("Result");
    int bytes = result == null ? 0 : Json.text(result).getBytes(StandardCharsets.UTF_8).length;
    return new PassState(p.name(), p.next(), io, result, bytes);
  }

  static SucceedState succeed(Part p, StateIo io) {
    return new SucceedState(p.name(), io);
  }

  static TaskState task(Part p, StateIo io) {
    Checks c = p.checks();
    JsonNode state = p.node();
    String pointer = p.pointer();
    JsonNode resource = state.get("Resource");
    if (resource == null) {
      c.report(SCHEMA, pointer, "These fields are required: [Resource]");
    } else if (!resource.isTextual() || (!ARN.matcher(resource.asText()).matches()
        && !resource.asText().contains("${"))) {
      // AWS refuses placeholders and bare function names here since 2018; an unresolved
      // ${Substitution} is already reported as such.
      c.report(INVALID_RESOURCE, pointer + "/Resource", "The value for the field 'Resource' must"
          + " be an ARN, e.g. arn:aws:states:::lambda:invoke or"
          + " arn:aws:lambda:us-east-1:123456789012:function:process-order, got " + resource);
    }
    c.exclusive(state, pointer, "TimeoutSeconds", "TimeoutSecondsPath");
    c.exclusive(state, pointer, "HeartbeatSeconds", "HeartbeatSecondsPath");
    Long timeout = literalSeconds(p, "TimeoutSeconds", 1);
    Long heartbeat = literalSeconds(p, "HeartbeatSeconds", 1);
    if (timeout != null && heartbeat != null && heartbeat >= timeout) {
      c.report(SCHEMA, pointer + "/HeartbeatSeconds", "The value for the field 'HeartbeatSeconds'"
          + " must be smaller than the value for the field 'TimeoutSeconds'");
    }
    NumberValue timeoutValue = number(p, "TimeoutSeconds");
    NumberValue heartbeatValue = number(p, "HeartbeatSeconds");
    JsonNode credentials = state.get("Credentials");
    if (credentials != null) {
      String cp = pointer + "/Credentials";
      if (!credentials.isObject()) {
        c.report(SCHEMA, cp, "The value for the field 'Credentials' must be an object");
      } else {
        if (!credentials.has("RoleArn") && !credentials.has("RoleArn.$")) {
          c.report(SCHEMA, cp, "The field 'RoleArn' is required but was missing");
        }
        if (!p.jsonata()) {
          c.template(credentials, cp);
        }
      }
    }
    var handling = ErrorHandlingCompiler.handling(p);
    return p.clean() ? new TaskState(p.name(), p.next(), io, resource.asText(), timeoutValue,
        heartbeatValue, handling) : null;
  }

  static WaitState waitState(Part p, StateIo io) {
    Checks c = p.checks();
    JsonNode state = p.node();
    List<String> fields = p.jsonata() ? List.of("Seconds", "Timestamp")
        : List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath");
    List<String> present = new ArrayList<>();
    for (String f : List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")) {
      if (state.has(f)) {
        present.add(f);
      }
    }
    if (present.isEmpty()) {
      c.report(SCHEMA, p.pointer(), "Exactly one of these fields is required: " + fields);
    } else if (present.size() > 1) {
      c.report(SCHEMA, p.pointer(), "Exactly one of these fields is allowed, found " + present);
    }
    literalSeconds(p, "Seconds", 0);
    JsonNode ts = state.get("Timestamp");
    TextValue timestamp = null;
    if (ts != null) {
      if (p.jsonata() && Checks.isJsonata(ts)) {
        timestamp = new TextValue.Jsonata(JsonataTemplate.compile("Timestamp", ts));
      } else if (c.timestamp(ts, p.pointer() + "/Timestamp")) {
        timestamp = p.jsonata() ? new TextValue.Jsonata(JsonataTemplate.compile("Timestamp", ts))
            : new TextValue.Literal(ts.asText());
      }
    }
    NumberValue seconds = number(p, "Seconds");
    if (!p.jsonata() && state.has("TimestampPath")) {
      QueryPath path = c.path(state.get("TimestampPath"), p.pointer() + "/TimestampPath",
          "TimestampPath", true);
      timestamp = path == null ? null : new TextValue.Path(path);
    }
    return p.clean() ? new WaitState(p.name(), p.next(), io, seconds, timestamp) : null;
  }

  static FailState fail(Part p, StateIo io) {
    Checks c = p.checks();
    JsonNode state = p.node();
    c.exclusive(state, p.pointer(), "Error", "ErrorPath");
    c.exclusive(state, p.pointer(), "Cause", "CausePath");
    c.optionalString(state, p.pointer(), "Error");
    c.optionalString(state, p.pointer(), "Cause");
    if (p.jsonata()) {
      return new FailState(p.name(), io, jsonataText(state, "Error"),
          jsonataText(state, "Cause"));
    }
    return new FailState(p.name(), io, failText(p, "Error"), failText(p, "Cause"));
  }

  private static TextValue jsonataText(JsonNode state, String field) {
    return state.has(field)
        ? new TextValue.Jsonata(JsonataTemplate.compile(field, state.get(field))) : null;
  }

  /** Error or Cause: a literal, or ErrorPath/CausePath (a reference path or an intrinsic). */
  private static TextValue failText(Part p, String field) {
    String f = field + "Path";
    JsonNode value = p.node().get(f);
    TextValue expression = null;
    if (value != null) {
      String reason;
      if (!value.isTextual()) {
        reason = "it is not a string";
      } else if (Checks.isCall(value.asText())) {
        reason = Checks.intrinsicProblem(value.asText());
      } else {
        reason = PathSyntax.check(value.asText(), true);
      }
      if (reason != null) {
        p.checks().report(SCHEMA, p.pointer() + "/" + f, "The value for the field '" + f
            + "' must be a valid reference path or intrinsic function call (" + reason + ")");
      } else {
        expression = new TextValue.Expression(value.asText(),
            PayloadTemplate.expression(f, value.asText()));
      }
    }
    JsonNode literal = p.node().get(field);
    return literal != null && !literal.isNull() ? new TextValue.Literal(literal.asText())
        : expression;
  }

  /**
   * A seconds field written as a number: checked against [min, 99999999]; null when absent, a
   * JSONata expression, or invalid (reported).
   */
  static Long literalSeconds(Part p, String field, long min) {
    return literalInteger(p, field, min, Limits.MAX_SECONDS);
  }

  /** An integer field written as a number, checked against [min, max]; null as above. */
  static Long literalInteger(Part p, String field, long min, long max) {
    JsonNode value = p.node().get(field);
    if (value == null || (p.jsonata() && Checks.isJsonata(value))) {
      return null;
    }
    return p.checks().integer(value, p.pointer() + "/" + field, field, min, max);
  }

  /**
   * A numeric field compiled: JSONata (literal or expression), its {@code ...Path} twin (checked
   * as a reference path), or the literal (checked by the caller); null when absent.
   */
  static NumberValue number(Part p, String field) {
    JsonNode node = p.node();
    if (p.jsonata()) {
      return node.has(field)
          ? new NumberValue.Jsonata(JsonataTemplate.compile(field, node.get(field))) : null;
    }
    JsonNode path = node.get(field + "Path");
    if (path != null) {
      QueryPath compiled = p.checks().path(path, p.pointer() + "/" + field + "Path",
          field + "Path", true);
      return compiled == null ? null : new NumberValue.Path(compiled);
    }
    return node.has(field) ? new NumberValue.Literal(node.get(field)) : null;
  }
}
