package com.example.workshop.runtime.scaling;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * An SQS standard queue and the event source mapping that polls it, with the settings that shape
 * scaling. Defaults are AWS's: batch size 10, no batching window, no maximum concurrency, a 30 s
 * visibility timeout, 4 days of retention and no redrive policy (no dead-letter queue).
 *
 * <p>Sources: "Lambda parameters for Amazon SQS event source mappings" (BatchSize up to 10,000 for
 * standard queues, MaximumBatchingWindowInSeconds 0 to 300, ScalingConfig); CreateEventSourceMapping
 * (BatchSize over 10 needs a batching window of at least 1 s); ScalingConfig (MaximumConcurrency 2 to
 * 1,000); the Amazon SQS Developer Guide (visibility timeout 0 s to 12 h, default 30 s; retention 60 s
 * to 14 days, default 4 days; maxReceiveCount 1 to 1,000).
 */
public final class SqsEventSource {
  private final int batchSize;
  private final Duration batchingWindow;
  private final Integer maximumConcurrency;
  private final Duration visibilityTimeout;
  private final Integer maxReceiveCount;
  private final Duration retention;

  private SqsEventSource(Builder b) {
    this.batchSize = b.batchSize;
    this.batchingWindow = b.batchingWindow;
    this.maximumConcurrency = b.maximumConcurrency;
    this.visibilityTimeout = b.visibilityTimeout;
    this.maxReceiveCount = b.maxReceiveCount;
    this.retention = b.retention;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** AWS's defaults. */
  public static SqsEventSource defaults() {
    return builder().build();
  }

  public int batchSize() {
    return batchSize;
  }

  public Duration batchingWindow() {
    return batchingWindow;
  }

  /** The mapping's ScalingConfig.MaximumConcurrency; empty when not set. */
  public OptionalInt maximumConcurrency() {
    return maximumConcurrency == null ? OptionalInt.empty() : OptionalInt.of(maximumConcurrency);
  }

  public Duration visibilityTimeout() {
    return visibilityTimeout;
  }

  /** The queue's redrive policy; empty when the queue has no dead-letter queue. */
  public OptionalInt maxReceiveCount() {
    return maxReceiveCount == null ? OptionalInt.empty() : OptionalInt.of(maxReceiveCount);
  }

  public Duration retention() {
    return retention;
  }

  /** Every setting checked against the range AWS accepts; errors name the setting. */
  public static final class Builder {
    private int batchSize = 10;
    private Duration batchingWindow = Duration.ZERO;
    private Integer maximumConcurrency;
    private Duration visibilityTimeout = Duration.ofSeconds(30);
    private Integer maxReceiveCount;
    private Duration retention = Duration.ofDays(4);

    private Builder() {}

    /** BatchSize: 1 to 10,000 messages (standard queue). */
    public Builder batchSize(int batchSize) {
      this.batchSize = within("BatchSize", batchSize, 1, 10_000);
      return this;
    }

    /** MaximumBatchingWindowInSeconds: 0 to 300 whole seconds. */
    public Builder batchingWindow(Duration window) {
      this.batchingWindow = wholeSeconds("MaximumBatchingWindowInSeconds", window, 0, 300);
      return this;
    }

    /** ScalingConfig.MaximumConcurrency: 2 to 1,000 concurrent invocations. */
    public Builder maximumConcurrency(int maximumConcurrency) {
      this.maximumConcurrency = within("MaximumConcurrency", maximumConcurrency, 2, 1000);
      return this;
    }

    /** The queue's VisibilityTimeout: 0 s to 12 hours. */
    public Builder visibilityTimeout(Duration timeout) {
      this.visibilityTimeout = wholeSeconds("VisibilityTimeout", timeout, 0, 43_200);
      return this;
    }

    /** The redrive policy's maxReceiveCount: 1 to 1,000 receives before the dead-letter queue. */
    public Builder maxReceiveCount(int maxReceiveCount) {
      this.maxReceiveCount = within("maxReceiveCount", maxReceiveCount, 1, 1000);
      return this;
    }

    /** The queue's MessageRetentionPeriod: 60 s to 14 days. */
    public Builder retention(Duration retention) {
      this.retention = wholeSeconds("MessageRetentionPeriod", retention, 60, 1_209_600);
      return this;
    }

    public SqsEventSource build() {
      if (batchSize > 10 && batchingWindow.isZero()) {
        // CreateEventSourceMapping's answer to this combination.
        throw new IllegalArgumentException("Maximum batch window in seconds must be greater than 0 if maximum"
            + " batch size is greater than 10 (BatchSize " + batchSize + " needs MaximumBatchingWindowInSeconds >= 1)");
      }
      return new SqsEventSource(this);
    }

    private static int within(String name, int value, int min, int max) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
      }
      return value;
    }

    private static Duration wholeSeconds(String name, Duration value, long min, long max) {
      if (value == null || value.getNano() != 0 || value.getSeconds() < min || value.getSeconds() > max) {
        throw new IllegalArgumentException(name + " must be a whole number of seconds between " + min + " and " + max
            + ", got " + value);
      }
      return value;
    }
  }
}
