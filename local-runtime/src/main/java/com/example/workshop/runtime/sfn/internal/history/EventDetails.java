package com.example.workshop.runtime.sfn.internal.history;

import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An event's details in GetExecutionHistory's shape: fields in the order they are added, JSON
 * values as text. A null value is written as null unless the field is optional.
 */
final class EventDetails {
  private final ObjectNode node = Json.object();

  EventDetails text(String field, String value) {
    node.put(field, value);
    return this;
  }

  EventDetails json(String field, JsonNode value) {
    return text(field, Json.text(value));
  }

  EventDetails number(String field, int value) {
    node.put(field, value);
    return this;
  }

  EventDetails optional(String field, String value) {
    return value == null ? this : text(field, value);
  }

  EventDetails optional(String field, Long value) {
    if (value != null) {
      node.put(field, value);
    }
    return this;
  }

  /** A payload and its {@code <field>Details}: local-runtime never truncates. */
  EventDetails payload(String field, String text) {
    text(field, text);
    return notTruncated(field);
  }

  EventDetails payload(String field, JsonNode value) {
    return payload(field, Json.text(value));
  }

  /** The variables a state assigned (each value as text), when it assigned any. */
  EventDetails assigned(ObjectNode assigned) {
    if (assigned == null) {
      return this;
    }
    ObjectNode texts = node.putObject("assignedVariables");
    assigned.fields().forEachRemaining(e -> texts.put(e.getKey(), Json.text(e.getValue())));
    return notTruncated("assignedVariables");
  }

  /** {@code error} and {@code cause} of a failure, each when present. */
  EventDetails error(String error, String cause) {
    return optional("error", error).optional("cause", cause);
  }

  private EventDetails notTruncated(String field) {
    node.putObject(field + "Details").put("truncated", false);
    return this;
  }

  ObjectNode node() {
    return node;
  }
}
