package com.example.workshop.runtime.sfn.internal.model;

import com.example.workshop.runtime.sfn.internal.asl.ErrorNames;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One Retry entry, AWS's defaults filled in (IntervalSeconds 1, MaxAttempts 3, BackoffRate 2.0).
 * {@code maxDelaySeconds}: null when absent.
 */
public record Retrier(List<String> errorEquals, long intervalSeconds, int maxAttempts,
    double backoffRate, Long maxDelaySeconds, boolean fullJitter) {
  public Retrier {
    errorEquals = List.copyOf(errorEquals);
  }

  public boolean matches(String error) {
    return ErrorNames.matches(errorEquals, error);
  }

  /** Delay before retry number {@code attempt + 1} (attempt counts from 0), in milliseconds. */
  public long delayMillis(int attempt, RandomGenerator random) {
    double seconds = intervalSeconds * Math.pow(backoffRate, attempt);
    if (maxDelaySeconds != null) {
      seconds = Math.min(seconds, maxDelaySeconds);
    }
    if (fullJitter) {
      seconds = random.nextDouble() * seconds;
    }
    return Math.round(seconds * 1000);
  }
}
