package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Helpers shared by engine tests: a fixed clock, JSON parsing, definition building. */
final class EngineTestSupport {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");

  private EngineTestSupport() {}

  static LocalStepFunctions.Builder engine() {
    return LocalStepFunctions.builder().clock(Clock.fixed(T0, ZoneOffset.UTC)).randomSeed(1);
  }

  static StateMachine machine(String json) {
    return StateMachine.parse(json.replace('\'', '"'), Map.of());
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  static List<String> types(Execution ex) {
    return ex.history().stream().map(HistoryEvent::type).toList();
  }

  static long secondsAt(Execution ex, int eventIndex) {
    return ex.history().get(eventIndex).timestamp().getEpochSecond() - T0.getEpochSecond();
  }
}
