package com.example.workshop.runtime.sfn.internal.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;

/** A recorded history event; its details are built only when the history is read. */
public record RecordedEvent(long id, long previousEventId, long epochMillis, EventType type,
    Supplier<JsonNode> details) {

  /** The details object, or null for an event without one. */
  public JsonNode detailsNode() {
    return details == null ? null : details.get();
  }
}
