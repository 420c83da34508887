package com.example.workshop.runtime.endpoint;

import com.example.workshop.runtime.sfn.HistoryEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The AWS JSON 1.0 forms of answers: timestamps as epoch seconds, history events. */
final class Responses {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Detail fields that carry execution data (GetExecutionHistory includeExecutionData=false drops them). */
  private static final List<String> DATA = List.of("input", "inputDetails", "output", "outputDetails");

  private Responses() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  /** A timestamp as the JSON protocols send it: seconds since the epoch, milliseconds as the fraction. */
  static DecimalNode date(Instant instant) {
    return new DecimalNode(BigDecimal.valueOf(instant.toEpochMilli(), 3));
  }

  /** One GetExecutionHistory event. */
  static ObjectNode event(HistoryEvent e, boolean includeData) {
    ObjectNode node = (ObjectNode) e.toJson();
    node.set("timestamp", date(e.timestamp()));
    if (!includeData && e.detailsName() != null && node.has(e.detailsName())) {
      node.set(e.detailsName(), withoutData(node.get(e.detailsName())));
    }
    return node;
  }

  /** The details of an event without its execution data (log records at includeExecutionData false). */
  static JsonNode withoutData(JsonNode details) {
    if (!(details instanceof ObjectNode o)) {
      return details;
    }
    ObjectNode copy = o.deepCopy();
    copy.remove(DATA);
    return copy;
  }
}
