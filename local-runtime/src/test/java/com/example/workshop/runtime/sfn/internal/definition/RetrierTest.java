package com.example.workshop.runtime.sfn.internal.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.runtime.sfn.internal.model.Retrier;
import com.example.workshop.runtime.sfn.internal.model.TaskState;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class RetrierTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Retrier compiled(ObjectNode retrier) {
    ObjectNode def = JSON.createObjectNode();
    def.put("StartAt", "Charge");
    ObjectNode task = def.putObject("States").putObject("Charge");
    task.put("Type", "Task");
    task.put("Resource", "arn:aws:lambda:us-east-1:123456789012:function:Charge");
    task.put("End", true);
    task.putArray("Retry").add(retrier);
    TaskState t = (TaskState) Compiler.compile(def, LineLocator.none()).machine().top()
        .state("Charge");
    return t.handling().retriers().get(0);
  }

  private static Retrier retrier(long interval, double backoff, Long maxDelay, boolean jitter) {
    return new Retrier(List.of("States.ALL"), interval, 3, backoff, maxDelay, jitter);
  }

  @ParameterizedTest(name = "interval {0}s x {1}^{3}, cap {2} -> {4} ms")
  @CsvFileSource(resources = "/engine/retry-delays.csv")
  void delayIsIntervalTimesBackoffToTheAttemptCappedByMaxDelay(int interval, double backoff,
      Long maxDelay, int attempt, long expectedMillis) {
    assertEquals(expectedMillis, retrier(interval, backoff, maxDelay, false)
        .delayMillis(attempt, new Random(1)));
  }

  @Test
  @DisplayName("a retrier without settings gets AWS's defaults: 1 s, 3 attempts, backoff 2.0")
  void defaultsAreOneSecondThreeAttemptsBackoffTwo() {
    ObjectNode n = JSON.createObjectNode();
    n.putArray("ErrorEquals").add("States.ALL");
    Retrier r = compiled(n);
    assertEquals(1, r.intervalSeconds());
    assertEquals(3, r.maxAttempts());
    assertEquals(2.0, r.backoffRate());
    assertEquals(null, r.maxDelaySeconds());
  }

  @Test
  void fullJitterStaysWithinTheComputedDelayAndIsReproducibleWithASeed() {
    Retrier r = retrier(4, 2.0, null, true);
    for (int attempt = 0; attempt < 5; attempt++) {
      long d = r.delayMillis(attempt, new Random(99));
      assertTrue(d >= 0 && d <= (long) (4000 * Math.pow(2, attempt)), "delay " + d);
      assertEquals(d, r.delayMillis(attempt, new Random(99)));
    }
  }
}
