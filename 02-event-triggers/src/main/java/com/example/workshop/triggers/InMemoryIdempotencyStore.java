package com.example.workshop.triggers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The idempotency store for local runs and tests: same rules as the DynamoDB one (claims run out,
 * completed keys are kept for the retention), kept in this process's memory.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
  private final ConcurrentMap<String, Instant> expiresAt = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration retention;

  public InMemoryIdempotencyStore(Clock clock, Duration retention) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.retention = Objects.requireNonNull(retention, "retention");
  }

  public InMemoryIdempotencyStore() {
    this(Clock.systemUTC(), DEFAULT_RETENTION);
  }

  @Override
  public boolean tryClaim(String key, Duration lockFor) {
    Instant now = clock.instant();
    Instant until = now.plus(lockFor);
    boolean[] claimed = {false};
    // Same condition as the DynamoDB put: absent, or its expiry has passed.
    expiresAt.compute(
        key,
        (k, current) -> {
          if (current == null || current.isBefore(now)) {
            claimed[0] = true;
            return until;
          }
          return current;
        });
    return claimed[0];
  }

  @Override
  public void complete(String key) {
    expiresAt.put(key, clock.instant().plus(retention));
  }

  @Override
  public void release(String key) {
    expiresAt.remove(key);
  }
}
