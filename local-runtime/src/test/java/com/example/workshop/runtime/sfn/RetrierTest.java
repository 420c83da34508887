package com.example.workshop.runtime.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class RetrierTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Retrier retrier(int interval, double backoff, Integer maxDelay, String jitter) {
    ObjectNode n = JSON.createObjectNode();
    n.putArray("ErrorEquals").add("States.ALL");
    n.put("IntervalSeconds", interval);
    n.put("BackoffRate", backoff);
    if (maxDelay != null) {
      n.put("MaxDelaySeconds", maxDelay);
    }
    if (jitter != null) {
      n.put("JitterStrategy", jitter);
    }
    return new Retrier(n);
  }

  @ParameterizedTest(name = "interval {0}s x {1}^{3}, cap {2} -> {4} ms")
  @CsvFileSource(resources = "/engine/retry-delays.csv")
  void delayIsIntervalTimesBackoffToTheAttemptCappedByMaxDelay(int interval, double backoff,
      Integer maxDelay, int attempt, long expectedMillis) {
    assertEquals(expectedMillis, retrier(interval, backoff, maxDelay, null)
        .delayMillis(attempt, new Random(1)));
  }

  @Test
  void defaultsAreOneSecondThreeAttemptsBackoffTwo() {
    ObjectNode n = JSON.createObjectNode();
    n.putArray("ErrorEquals").add("States.ALL");
    Retrier r = new Retrier(n);
    assertEquals(1, r.intervalSeconds);
    assertEquals(3, r.maxAttempts);
    assertEquals(2.0, r.backoffRate);
  }

  @Test
  void fullJitterStaysWithinTheComputedDelayAndIsReproducibleWithASeed() {
    Retrier r = retrier(4, 2.0, null, "FULL");
    for (int attempt = 0; attempt < 5; attempt++) {
      long d = r.delayMillis(attempt, new Random(99));
      assertTrue(d >= 0 && d <= (long) (4000 * Math.pow(2, attempt)), "delay " + d);
      assertEquals(d, r.delayMillis(attempt, new Random(99)));
    }
  }
}
