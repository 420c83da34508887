package com.example.workshop.triggers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.triggers.TestContexts.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InMemoryIdempotencyStoreTest {
  private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T09:30:00Z"));
  private final InMemoryIdempotencyStore store =
      new InMemoryIdempotencyStore(clock, Duration.ofHours(24));
  private final Duration lock = Duration.ofSeconds(30);

  @Test
  @DisplayName("a key is claimed once; a second delivery while the first runs is a duplicate")
  void claimOnce() {
    assertTrue(store.tryClaim("m-1", lock));
    assertFalse(store.tryClaim("m-1", lock));
    assertTrue(store.tryClaim("m-2", lock), "other keys are independent");
  }

  @Test
  @DisplayName("a completed key stays a duplicate until the retention ends")
  void completedKeyKeptForRetention() {
    store.tryClaim("m-1", lock);
    store.complete("m-1");
    clock.advance(Duration.ofHours(23));
    assertFalse(store.tryClaim("m-1", lock));
    clock.advance(Duration.ofHours(2));
    assertTrue(store.tryClaim("m-1", lock));
  }

  @Test
  @DisplayName("a released key (failed attempt) can be claimed by the retry")
  void releasedKeyClaimable() {
    store.tryClaim("m-1", lock);
    store.release("m-1");
    assertTrue(store.tryClaim("m-1", lock));
  }

  @Test
  @DisplayName("the claim of an attempt that died (timeout) runs out, so the retry is not lost")
  void abandonedClaimRunsOut() {
    store.tryClaim("m-1", lock);
    clock.advance(Duration.ofSeconds(29));
    assertFalse(store.tryClaim("m-1", lock));
    clock.advance(Duration.ofSeconds(2));
    assertTrue(store.tryClaim("m-1", lock));
  }
}
