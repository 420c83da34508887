package com.example.workshop.triggers;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.example.workshop.runtime.lambda.LocalContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Contexts from local-runtime with a logger the test can read, and a clock the test moves. */
final class TestContexts {
  private TestContexts() {}

  static LocalContext context(String functionName, LogLines log) {
    return LocalContext.builder()
        .functionName(functionName)
        .timeout(Duration.ofSeconds(30))
        .logger(log)
        .build();
  }

  /** The lines a handler logged through context.getLogger(). */
  static final class LogLines implements LambdaLogger {
    final List<String> lines = new ArrayList<>();

    @Override
    public void log(String message) {
      lines.add(message);
    }

    @Override
    public void log(byte[] message) {
      lines.add(new String(message, StandardCharsets.UTF_8));
    }

    boolean anyContains(String... parts) {
      return lines.stream().anyMatch(l -> List.of(parts).stream().allMatch(l::contains));
    }
  }

  /** A clock that stands still until the test advances it. */
  static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
