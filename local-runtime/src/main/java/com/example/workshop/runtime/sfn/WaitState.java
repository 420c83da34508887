package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;

/** Wait: exactly one of Seconds, SecondsPath, Timestamp, TimestampPath. */
final class WaitState extends State {
  final Long seconds;
  final QueryPath secondsPath;
  final String timestamp;
  final QueryPath timestampPath;

  WaitState(String name, JsonNode node) {
    super(name, node);
    this.seconds = node.hasNonNull("Seconds") ? node.get("Seconds").asLong() : null;
    this.secondsPath = QueryPath.of(text(node, "SecondsPath"));
    this.timestamp = text(node, "Timestamp");
    this.timestampPath = QueryPath.of(text(node, "TimestampPath"));
  }
}
