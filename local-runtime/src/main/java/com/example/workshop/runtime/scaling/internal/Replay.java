package com.example.workshop.runtime.scaling.internal;

import com.example.workshop.runtime.lambda.Architecture;
import com.example.workshop.runtime.scaling.HandlerTimings;
import com.example.workshop.runtime.scaling.ScalingReport;
import com.example.workshop.runtime.scaling.SqsEventSource;
import com.example.workshop.runtime.scaling.ThrottleReason;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/** Runs one replay in virtual time: the events arrive, the function scales, the meter counts. */
public final class Replay {
  /** The function, the account and the arrivals, as {@code ScalingReplay} checked them. */
  public record Settings(int memoryMb, Architecture architecture, int accountConcurrency, Integer reservedConcurrency,
      long seed, Double ratePerSecond) {}

  private Replay() {}

  /** Each event is one synchronous invocation (Invoke, RequestResponse); a throttled one is answered 429. */
  public static ScalingReport synchronous(Settings s, List<String> events, HandlerTimings timings) {
    SplittableRandom random = new SplittableRandom(s.seed());
    Scheduler clock = new Scheduler();
    Meter meter = new Meter(s.memoryMb(), s.architecture());
    Fleet fleet = fleet(s, timings, random.split(), meter);
    int[] served = new int[1];
    int[] rejected = new int[1];
    for (int i = 0; i < events.size(); i++) {
      clock.at(arrival(s, i), Scheduler.Step.ARRIVE, () -> {
        long sent = clock.now();
        Fleet.Attempt attempt = fleet.invoke(sent);
        if (attempt.throttled()) {
          rejected[0]++;
          return;
        }
        clock.at(attempt.endsAt(), Scheduler.Step.FINISH, () -> {
          fleet.finished(clock.now(), attempt.environment());
          meter.done(clock.now(), clock.now() - sent);
          served[0]++;
        });
      });
    }
    clock.run();
    return meter.report("synchronous", events.size(), s.seed(), fleet.environmentsCreated(), served[0], rejected[0],
        0, 0, 0);
  }

  /** Each event is one message sent to an SQS standard queue that an event source mapping polls. */
  public static ScalingReport sqs(Settings s, SqsEventSource source, List<String> messages, HandlerTimings timings) {
    SplittableRandom random = new SplittableRandom(s.seed());
    Scheduler clock = new Scheduler();
    Meter meter = new Meter(s.memoryMb(), s.architecture());
    Fleet fleet = fleet(s, timings, random.split(), meter);
    SqsMapping mapping = new SqsMapping(clock, fleet, meter, source, random.split());
    for (int i = 0; i < messages.size(); i++) {
      mapping.send(arrival(s, i), messages.get(i).getBytes(StandardCharsets.UTF_8).length);
    }
    clock.run();
    return meter.report("sqs", messages.size(), s.seed(), fleet.environmentsCreated(), mapping.processed, 0,
        mapping.deadLettered, mapping.expired, mapping.redelivered);
  }

  private static Fleet fleet(Settings s, HandlerTimings timings, SplittableRandom random, Meter meter) {
    boolean reserved = s.reservedConcurrency() != null;
    return new Fleet(reserved ? s.reservedConcurrency() : s.accountConcurrency(),
        reserved ? ThrottleReason.RESERVED_CONCURRENCY : ThrottleReason.ACCOUNT_CONCURRENCY, timings, random, meter);
  }

  /** The i-th event: all at once (a burst), or one every 1/rate seconds. */
  private static long arrival(Settings s, int i) {
    return s.ratePerSecond() == null ? 0 : (long) Math.floor(i * 1e6 / s.ratePerSecond());
  }
}
