package com.example.workshop.runtime.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Poll on a fake clock: the delays it takes are the contract (no real sleeping here). */
class PollTest {
  private final AtomicLong nanos = new AtomicLong();
  private final List<Duration> sleeps = new ArrayList<>();

  private void sleep(Duration d) {
    sleeps.add(d);
    nanos.addAndGet(d.toNanos());
  }

  @Test
  @DisplayName("asks again with doubling delays capped at 2 s, and returns the first good value")
  void backsOffExponentially() {
    AtomicInteger calls = new AtomicInteger();
    int value = Poll.until(calls::incrementAndGet, n -> n == 7, Duration.ofMinutes(1), "the 7th call",
        this::sleep, nanos::get);
    assertEquals(7, value);
    assertEquals(List.of(100L, 200L, 400L, 800L, 1600L, 2000L),
        sleeps.stream().map(Duration::toMillis).toList());
  }

  @Test
  @DisplayName("returns at once, without sleeping, when the first answer is good")
  void noSleepWhenReady() {
    assertEquals("ready", Poll.until(() -> "ready", "ready"::equals, Duration.ofSeconds(5), "x", this::sleep, nanos::get));
    assertTrue(sleeps.isEmpty());
  }

  @Test
  @DisplayName("gives up at the deadline, naming what it waited for and the last value")
  void timesOut() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Poll.until(() -> "RUNNING",
        "SUCCEEDED"::equals, Duration.ofSeconds(3), "execution ord-1 to finish", this::sleep, nanos::get));
    assertEquals("timed out after 3 s waiting for execution ord-1 to finish; last value: RUNNING", e.getMessage());
    assertEquals(Duration.ofSeconds(3), sleeps.stream().reduce(Duration.ZERO, Duration::plus),
        "the last sleep is shortened to end at the deadline");
  }
}
