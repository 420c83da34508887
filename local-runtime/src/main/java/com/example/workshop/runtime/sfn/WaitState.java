package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;

/** Wait: exactly one of Seconds, SecondsPath, Timestamp, TimestampPath. */
final class WaitState extends State {
  final Long seconds;
  final QueryPath secondsPath;
  final String timestamp;
  final QueryPath timestampPath;
  /** JSONata: Seconds and Timestamp, each a literal or an expression. */
  final JsonataTemplate secondsTemplate;
  final JsonataTemplate timestampTemplate;

  WaitState(String name, JsonNode node, boolean machineJsonata) {
    super(name, node, machineJsonata);
    this.seconds = node.hasNonNull("Seconds") ? node.get("Seconds").asLong() : null;
    this.secondsPath = QueryPath.of(text(node, "SecondsPath"));
    this.timestamp = text(node, "Timestamp");
    this.timestampPath = QueryPath.of(text(node, "TimestampPath"));
    this.secondsTemplate = jsonata ? JsonataTemplate.compile("Seconds", node.get("Seconds")) : null;
    this.timestampTemplate = jsonata
        ? JsonataTemplate.compile("Timestamp", node.get("Timestamp")) : null;
  }
}
