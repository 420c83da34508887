package com.example.workshop.triggers;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Remembers which deliveries were already applied. Lambda delivers at least once, so the same SQS
 * message, stream record or SNS notification can arrive twice; the handler claims its key before it
 * acts and skips the delivery when the claim is refused.
 *
 * <p>Contract: {@link #tryClaim} succeeds once per key until the claim is released or runs out;
 * {@link #complete} keeps it refused for the store's retention; {@link #release} gives it up after
 * a failed attempt so the retry is applied.
 */
public interface IdempotencyStore {

  /**
   * Claims {@code key} for one attempt that may run for {@code lockFor} (the function's remaining
   * time). Returns false when the key is completed, or claimed by an attempt still running: a
   * duplicate. A claim whose attempt died (timeout, crash) runs out, so the retry is not lost.
   */
  boolean tryClaim(String key, Duration lockFor);

  /** Marks {@code key} as applied: later deliveries with it are duplicates. */
  void complete(String key);

  /** Forgets the claim on {@code key} after a failed attempt, so the next delivery applies it. */
  void release(String key);

  /**
   * How long a completed key is remembered unless configured: a day, a DynamoDB stream's retention.
   */
  Duration DEFAULT_RETENTION = Duration.ofDays(1);

  /**
   * The store a handler uses: DynamoDB when {@code IDEMPOTENCY_TABLE} is set (as template.yaml
   * does), else in memory (local runs; remembered only while the process lives).
   */
  static IdempotencyStore fromEnvironment(Map<String, String> env) {
    String table = env.get("IDEMPOTENCY_TABLE");
    if (table == null || table.isBlank()) {
      return new InMemoryIdempotencyStore(Clock.systemUTC(), DEFAULT_RETENTION);
    }
    return DynamoDbIdempotencyStore.create(table, env.get("AWS_REGION"));
  }
}
