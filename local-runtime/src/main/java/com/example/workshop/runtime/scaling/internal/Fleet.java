package com.example.workshop.runtime.scaling.internal;

import com.example.workshop.runtime.scaling.HandlerTimings;
import com.example.workshop.runtime.scaling.HandlerTimings.ColdStart;
import com.example.workshop.runtime.scaling.ThrottleReason;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One function's execution environments, the way Lambda scales them: each environment serves one
 * invocation at a time; a free one is reused (warm), otherwise a new one is created (a cold start:
 * its init phase, then the invocation) while the function's concurrency limit and its scaling rate
 * allow, and the invocation is throttled when they do not.
 *
 * <p>Rules, from the Lambda Developer Guide: "Understanding Lambda function scaling" (one environment
 * per concurrent request; the account's concurrency, 1,000 by default); "Configuring reserved
 * concurrency" (reserved concurrency is the function's maximum); "Lambda scaling behavior" (each
 * function can gain at most 1,000 environments every 10 seconds, refilled continuously and never
 * accumulated beyond 1,000; past the limits, requests fail with a throttling error, status 429).
 */
final class Fleet {
  /** Scaling rate: 1,000 environments every 10 seconds, so one every 10 ms, never more than 1,000 banked. */
  static final int SCALING_BURST = 1000;
  static final long MICROS_PER_NEW_ENVIRONMENT = 10_000;

  /** What asking for an environment gave: one to run on until {@code endsAt}, or a throttle. */
  record Attempt(Environment environment, long endsAt, ThrottleReason throttle) {
    boolean throttled() {
      return throttle != null;
    }
  }

  /** An execution environment; its number is the order in which it was created. */
  record Environment(int number) {}

  private final int limit;
  private final ThrottleReason limitReason;
  private final List<ColdStart> coldStarts;
  private final List<Double> warmMs;
  private final SplittableRandom random;
  private final Meter meter;
  private final Deque<Environment> idle = new ArrayDeque<>();
  private int inFlight;
  private int created;
  private double tokens = SCALING_BURST;
  private long refilledAt;

  Fleet(int limit, ThrottleReason limitReason, HandlerTimings timings, SplittableRandom random, Meter meter) {
    this.limit = limit;
    this.limitReason = limitReason;
    this.coldStarts = timings.coldStarts();
    this.warmMs = timings.warmMs();
    this.random = random;
    this.meter = meter;
  }

  /** Starts an invocation now on a free environment, or on a new one, or throttles it. */
  Attempt invoke(long now) {
    Environment env = idle.pollFirst();
    long micros;
    if (env != null) {
      double ms = warmMs.get(random.nextInt(warmMs.size()));
      meter.invoked(now, ms, null);
      micros = Scheduler.micros(ms);
    } else {
      if (inFlight >= limit) {
        return throttle(now, limitReason);
      }
      refill(now);
      if (tokens < 1) {
        return throttle(now, ThrottleReason.SCALING_RATE);
      }
      tokens -= 1;
      env = new Environment(++created);
      ColdStart cold = coldStarts.get(random.nextInt(coldStarts.size()));
      meter.invoked(now, cold.invokeMs(), cold.initMs());
      micros = Scheduler.micros(cold.initMs() + cold.invokeMs());
    }
    meter.concurrency(now, ++inFlight);
    return new Attempt(env, now + micros, null);
  }

  /** The invocation on {@code env} ended: the environment is free for the next one (warm). */
  void finished(long now, Environment env) {
    idle.addFirst(env);
    meter.concurrency(now, --inFlight);
  }

  int environmentsCreated() {
    return created;
  }

  private Attempt throttle(long now, ThrottleReason reason) {
    meter.throttled(now, reason);
    return new Attempt(null, now, reason);
  }

  private void refill(long now) {
    tokens = Math.min(SCALING_BURST, tokens + (now - refilledAt) / (double) MICROS_PER_NEW_ENVIRONMENT);
    refilledAt = now;
  }
}
