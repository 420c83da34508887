package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** One Retry entry with AWS's defaults (IntervalSeconds 1, MaxAttempts 3, BackoffRate 2.0). */
final class Retrier {
  final List<String> errorEquals;
  final int intervalSeconds;
  final int maxAttempts;
  final double backoffRate;
  final Integer maxDelaySeconds;
  final boolean fullJitter;

  Retrier(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.path("ErrorEquals").forEach(n -> names.add(n.asText()));
    this.errorEquals = List.copyOf(names);
    this.intervalSeconds = node.path("IntervalSeconds").asInt(1);
    this.maxAttempts = node.path("MaxAttempts").asInt(3);
    this.backoffRate = node.path("BackoffRate").asDouble(2.0);
    this.maxDelaySeconds = node.hasNonNull("MaxDelaySeconds") ? node.get("MaxDelaySeconds").asInt()
        : null;
    this.fullJitter = "FULL".equals(node.path("JitterStrategy").asText());
  }

  boolean matches(String error) {
    return ErrorNames.matches(errorEquals, error);
  }

  /** Delay before retry number {@code attempt + 1} (attempt counts from 0), in milliseconds. */
  long delayMillis(int attempt, Random random) {
    double seconds = intervalSeconds * Math.pow(backoffRate, attempt);
    if (maxDelaySeconds != null) {
      seconds = Math.min(seconds, maxDelaySeconds);
    }
    if (fullJitter) {
      seconds = random.nextDouble() * seconds;
    }
    return Math.round(seconds * 1000);
  }
}
