package com.example.workshop.runtime.sfn.internal.asl;

/** AWS Step Functions quotas and field ranges the engine and the definition checks share. */
public final class Limits {
  /** Task, state and execution input or output: 256 KiB of UTF-8 JSON text. */
  public static final int PAYLOAD_BYTES = 262_144;
  /** Largest Seconds, IntervalSeconds, MaxAttempts, TimeoutSeconds and HeartbeatSeconds. */
  public static final long MAX_SECONDS = 99_999_999L;
  /** Largest MaxDelaySeconds of a retrier. */
  public static final long MAX_DELAY_SECONDS = 31_622_401L;
  /** A Standard execution runs at most one year (365 days). */
  public static final long MAX_EXECUTION_MILLIS = 365L * 24 * 3600 * 1000;
  /** Events in one execution's history. */
  public static final int HISTORY_EVENTS = 25_000;
  /** Concurrent iterations of an inline Map state. */
  public static final int INLINE_MAP_CONCURRENCY = 40;
  /** Concurrent child workflow executions of a distributed Map state. */
  public static final int DISTRIBUTED_MAP_CONCURRENCY = 10_000;

  private Limits() {}
}
