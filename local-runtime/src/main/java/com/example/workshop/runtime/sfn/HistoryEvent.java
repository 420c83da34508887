package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.example.workshop.runtime.sfn.internal.render.HistoryTable;
import java.time.Instant;

/**
 * One event of an execution's history, shaped like GetExecutionHistory: {@code detailsName} is the
 * key of the details object (e.g. {@code stateEnteredEventDetails}), null for events without one.
 */
public record HistoryEvent(
    long id, long previousEventId, Instant timestamp, String type, String detailsName,
    JsonNode details) {

  /** {@code {"id":..,"previousEventId":..,"timestamp":..,"type":..,"<detailsName>":{...}}}. */
  public JsonNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("id", id);
    node.put("previousEventId", previousEventId);
    node.put("timestamp", timestamp.toString());
    node.put("type", type);
    if (detailsName != null && details != null) {
      node.set(detailsName, details);
    }
    return node;
  }

  /** The readable table of {@link Execution#historyTable()}, for any list of events (e.g. from AWS). */
  public static String table(java.util.List<HistoryEvent> events) {
    return HistoryTable.format(events.stream().map(e -> new HistoryTable.Row(e.id(),
        e.previousEventId(), e.timestamp().toEpochMilli(), e.type(), e.details())).toList());
  }
}
