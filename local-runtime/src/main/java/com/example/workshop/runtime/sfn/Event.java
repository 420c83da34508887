package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;

/** A recorded history event; details are built only when the history is read. */
final class Event {
  final long id;
  final long previousEventId;
  final long epochMillis;
  final String type;
  final String stateName;
  private final String detailsName;
  private final Supplier<JsonNode> details;

  Event(long id, long previousEventId, long epochMillis, String type, String stateName,
      String detailsName, Supplier<JsonNode> details) {
    this.id = id;
    this.previousEventId = previousEventId;
    this.epochMillis = epochMillis;
    this.type = type;
    this.stateName = stateName;
    this.detailsName = detailsName;
    this.details = details;
  }

  HistoryEvent toHistoryEvent() {
    return new HistoryEvent(id, previousEventId, java.time.Instant.ofEpochMilli(epochMillis), type,
        detailsName, details == null ? null : details.get());
  }
}
