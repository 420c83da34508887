package com.example.workshop.runtime.scaling.internal;

import com.example.workshop.runtime.scaling.SqsEventSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An SQS standard queue and the event source mapping that polls it: pollers take batches of
 * visible messages and invoke the function with them, five at first, more while messages wait.
 *
 * <p>Rules, from the Lambda Developer Guide. "Configuring scaling behavior for SQS event source
 * mappings": when messages are available Lambda processes five batches at a time, adds up to 300
 * concurrent batches a minute while messages are still available, at most 1,000, and never more
 * than ScalingConfig.MaximumConcurrency. "How Lambda processes records from stream and queue-based
 * event sources": a batch is invoked when it holds BatchSize messages, when the batching window
 * ends, or when it reaches 6 MB. "Handling errors for an SQS event source": a throttled batch is
 * retried with backoff, the mapping's concurrency is reduced, and once the messages' visibility
 * timeout has passed they go back to the queue. The Amazon SQS Developer Guide: a received message
 * stays invisible for the visibility timeout, each receive counts, and a message received more than
 * maxReceiveCount times moves to the dead-letter queue; messages older than the retention period
 * are deleted.
 *
 * <p>AWS publishes no numbers for the ramp's steps or the backoff; here one poller is added every
 * 200 ms (300 a minute), a throttle removes one (never below 2), and a throttled batch is retried
 * after 1 s, then 2, 4, ... up to 30 s, each with seeded jitter (half to all of it).
 */
final class SqsMapping {
  static final int FIRST_POLLERS = 5;
  static final int MAX_POLLERS = 1000;
  static final int FEWEST_POLLERS = 2;
  static final long RAMP_EVERY = 200_000;
  static final long FIRST_RETRY = 1_000_000;
  static final long LONGEST_RETRY = 30_000_000;
  /** Lambda's 6 MB limit for the payload of a synchronous invocation. */
  static final int PAYLOAD_LIMIT = 6_291_456;
  /** {"Records":[ ... ]} around the messages, and a comma between them. */
  private static final int ENVELOPE = 14;

  private static final class Message {
    final int bytes;
    final long sentAt;
    int receives;

    Message(int bytes, long sentAt) {
      this.bytes = bytes;
      this.sentAt = sentAt;
    }
  }

  private static final class Batch {
    final List<Message> messages = new ArrayList<>();
    final long receivedAt;
    int bytes = ENVELOPE;
    boolean payloadFull;
    int attempts;

    Batch(long receivedAt) {
      this.receivedAt = receivedAt;
    }
  }

  private final Scheduler clock;
  private final Fleet fleet;
  private final Meter meter;
  private final SqsEventSource source;
  private final SplittableRandom random;
  private final int mostPollers;
  private final Deque<Message> visible = new ArrayDeque<>();
  private Batch gathering;
  private boolean pollPending;
  private boolean active;
  private int pollers;
  private int busy;
  private int unfinished;
  int processed;
  int deadLettered;
  int expired;
  int redelivered;

  SqsMapping(Scheduler clock, Fleet fleet, Meter meter, SqsEventSource source, SplittableRandom random) {
    this.clock = clock;
    this.fleet = fleet;
    this.meter = meter;
    this.source = source;
    this.random = random;
    this.mostPollers = source.maximumConcurrency().orElse(MAX_POLLERS);
  }

  /** A producer sends a message of {@code bytes} (its record in the event) at {@code at}. */
  void send(long at, int bytes) {
    unfinished++;
    clock.at(at, Scheduler.Step.ARRIVE, () -> {
      visible.addLast(new Message(bytes, clock.now()));
      if (!active) {
        active = true;
        setPollers(Math.min(FIRST_POLLERS, mostPollers));
        clock.at(clock.now() + RAMP_EVERY, Scheduler.Step.RAMP, this::ramp);
      }
      poll();
    });
  }

  private void ramp() {
    if (unfinished == 0) {
      active = false;
      return;
    }
    if (!visible.isEmpty() && pollers < mostPollers) {
      setPollers(pollers + 1);
      poll();
    }
    clock.at(clock.now() + RAMP_EVERY, Scheduler.Step.RAMP, this::ramp);
  }

  /** Pollers receive once everything that happens at this instant has happened. */
  private void poll() {
    if (!pollPending) {
      pollPending = true;
      clock.at(clock.now(), Scheduler.Step.POLL, () -> {
        pollPending = false;
        dispatch();
      });
    }
  }

  /** Free pollers take batches while messages are visible; a batch that is not full waits for its window. */
  private void dispatch() {
    if (gathering != null) {
      take(gathering);
      if (full(gathering)) {
        Batch ready = gathering;
        gathering = null;
        invoke(ready);
      }
    }
    while (gathering == null && busy < pollers && !visible.isEmpty()) {
      Batch batch = new Batch(clock.now());
      take(batch);
      if (batch.messages.isEmpty()) {
        continue; // every message it received went to the dead-letter queue or had expired
      }
      busy++;
      if (full(batch) || source.batchingWindow().isZero()) {
        invoke(batch);
      } else {
        gathering = batch;
        clock.at(clock.now() + source.batchingWindow().toNanos() / 1000, Scheduler.Step.ARRIVE, () -> {
          if (gathering == batch) {
            gathering = null;
            invoke(batch);
          }
        });
      }
    }
    meter.waiting(clock.now(), visible.size());
  }

  /** Receives visible messages into the batch until it is full; each receive counts. */
  private void take(Batch batch) {
    while (!visible.isEmpty() && !full(batch)) {
      Message m = visible.peekFirst();
      if (!batch.messages.isEmpty() && batch.bytes + 1 + m.bytes > PAYLOAD_LIMIT) {
        batch.payloadFull = true;
        return;
      }
      visible.pollFirst();
      if (clock.now() - m.sentAt >= source.retention().toNanos() / 1000) {
        expired++;
        unfinished--;
        continue;
      }
      m.receives++;
      if (m.receives == 2) {
        redelivered++;
      }
      if (source.maxReceiveCount().isPresent() && m.receives > source.maxReceiveCount().getAsInt()) {
        deadLettered++;
        unfinished--;
        continue;
      }
      batch.bytes += (batch.messages.isEmpty() ? 0 : 1) + m.bytes;
      batch.messages.add(m);
    }
  }

  private boolean full(Batch batch) {
    return batch.messages.size() >= source.batchSize() || batch.payloadFull;
  }

  private void invoke(Batch batch) {
    Fleet.Attempt attempt = fleet.invoke(clock.now());
    if (!attempt.throttled()) {
      clock.at(attempt.endsAt(), Scheduler.Step.FINISH, () -> {
        fleet.finished(clock.now(), attempt.environment());
        for (Message m : batch.messages) {
          meter.done(clock.now(), clock.now() - m.sentAt);
        }
        processed += batch.messages.size();
        unfinished -= batch.messages.size();
        busy--;
        poll();
      });
      return;
    }
    setPollers(Math.max(FEWEST_POLLERS, pollers - 1));
    long retryAt = clock.now() + backoff(++batch.attempts);
    long visibleAgainAt = batch.receivedAt + source.visibilityTimeout().toNanos() / 1000;
    if (retryAt < visibleAgainAt) {
      clock.at(retryAt, Scheduler.Step.RETRY, () -> invoke(batch));
      return;
    }
    // The visibility timeout runs out first: the messages go back to the queue, and the poller rests.
    clock.at(visibleAgainAt, Scheduler.Step.RETRY, () -> {
      batch.messages.forEach(visible::addLast);
      poll();
    });
    clock.at(retryAt, Scheduler.Step.RETRY, () -> {
      busy--;
      poll();
    });
  }

  private long backoff(int attempt) {
    long full = Math.min(LONGEST_RETRY, FIRST_RETRY << Math.min(attempt - 1, 20));
    return full / 2 + (long) (random.nextDouble() * (full / 2));
  }

  private void setPollers(int n) {
    pollers = n;
    meter.pollers(clock.now(), n);
  }
}
