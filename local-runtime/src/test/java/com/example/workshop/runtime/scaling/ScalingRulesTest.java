package com.example.workshop.runtime.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.runtime.lambda.Architecture;
import com.example.workshop.runtime.sfn.GoldenFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lambda's scaling rules, one golden case each (scaling/rules.json, every case with the AWS page it
 * comes from and the arithmetic behind its figures), replayed with fixed handler durations.
 */
class ScalingRulesTest {

  static Stream<Arguments> rules() {
    return GoldenFiles.cases("scaling/rules.json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  @DisplayName("scaling rules")
  void rule(JsonNode c) {
    ScalingReport report = replay(c, c.path("seed").asLong(1));
    assertMatches("", c.get("expected"), report.toJson(), c.get("why").asText());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  @DisplayName("the same events, timings and seed give the same report")
  void deterministic(JsonNode c) {
    assertEquals(replay(c, 7), replay(c, 7));
  }

  /** Builds the replay a case describes; {@code timings} are fixed, so only the seed's jitter varies. */
  static ScalingReport replay(JsonNode c, long seed) {
    JsonNode f = c.path("function");
    ScalingReplay.Builder b = ScalingReplay.builder().seed(seed).memoryMb(f.path("memoryMb").asInt(128))
        .architecture(Architecture.fromId(f.path("architecture").asText("x86_64")))
        .timeout(Duration.ofSeconds(f.path("timeoutSeconds").asInt(3)))
        .accountConcurrency(f.path("accountConcurrency").asInt(1000));
    if (f.has("reservedConcurrency")) {
      b.reservedConcurrency(f.get("reservedConcurrency").asInt());
    }
    if (c.has("ratePerSecond")) {
      b.ratePerSecond(c.get("ratePerSecond").asDouble());
    }
    JsonNode sqs = c.get("sqs");
    if (sqs != null) {
      SqsEventSource.Builder s = SqsEventSource.builder().batchSize(sqs.path("batchSize").asInt(10))
          .batchingWindow(Duration.ofSeconds(sqs.path("batchingWindowSeconds").asInt(0)))
          .visibilityTimeout(Duration.ofSeconds(sqs.path("visibilityTimeoutSeconds").asInt(30)));
      if (sqs.has("maximumConcurrency")) {
        s.maximumConcurrency(sqs.get("maximumConcurrency").asInt());
      }
      if (sqs.has("maxReceiveCount")) {
        s.maxReceiveCount(sqs.get("maxReceiveCount").asInt());
      }
      b.sqs(s.build());
    }
    JsonNode t = c.get("timings");
    HandlerTimings timings = HandlerTimings.fixed(t.get("initMs").asDouble(), t.get("firstInvokeMs").asDouble(),
        t.get("warmMs").asDouble());
    // A message's size is its record's JSON: a string of messageBytes bytes.
    String event = "\"" + "m".repeat(Math.max(0, c.path("messageBytes").asInt(200) - 2)) + "\"";
    return b.build().replay(Collections.nCopies(c.get("events").asInt(), event), timings);
  }

  /** Each expected field equals the report's: a number, or ">0" for "some". */
  private static void assertMatches(String path, JsonNode expected, JsonNode actual, String why) {
    for (Map.Entry<String, JsonNode> e : expected.properties()) {
      String where = path + e.getKey();
      JsonNode want = e.getValue();
      JsonNode got = actual.get(e.getKey());
      assertTrue(got != null, where + " missing from " + actual);
      if (want.isObject()) {
        assertMatches(where + ".", want, got, why);
      } else if (want.isTextual()) {
        assertEquals(">0", want.asText(), "only '>0' is understood");
        assertTrue(got.asDouble() > 0, where + " should be > 0, got " + got + " (" + why + ")");
      } else {
        assertEquals(want.asDouble(), got.asDouble(), Math.abs(want.asDouble()) * 1e-9 + 1e-9,
            where + " (" + why + ")");
      }
    }
  }
}
