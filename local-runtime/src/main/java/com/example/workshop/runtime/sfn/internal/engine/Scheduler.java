package com.example.workshop.runtime.sfn.internal.engine;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.PriorityQueue;

/**
 * Runs an execution's strands one at a time, each until it blocks, in a deterministic order: ready
 * strands first in, first out; then timers by (instant, order of creation). When every strand is
 * blocked, time moves to the next timer: at once in virtual time, by sleeping in real time.
 */
final class Scheduler {
  private record Timer(long at, long seq, Strand strand, long epoch) implements Comparable<Timer> {
    @Override
    public int compareTo(Timer o) {
      int c = Long.compare(at, o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  private final ArrayDeque<Strand> ready = new ArrayDeque<>();
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private final Clock clock;
  private final boolean realTime;
  /** The machine's TimeoutSeconds as an instant; Long.MAX_VALUE when it has none. */
  private final long deadline;
  private long now;
  private long seq;
  private boolean stopped;

  Scheduler(Clock clock, boolean realTime, long start, long deadline) {
    this.clock = clock;
    this.realTime = realTime;
    this.now = start;
    this.deadline = deadline;
  }

  /** The execution's current time in epoch milliseconds. */
  long now() {
    if (realTime) {
      now = Math.max(now, clock.millis());
    }
    return now;
  }

  /** Queues a strand behind the others that are ready. */
  void ready(Strand s) {
    ready.addLast(s);
  }

  /** Queues a strand before all others: it continues what just happened (a join, a slice). */
  void readyFirst(Strand s) {
    ready.addFirst(s);
  }

  /** Wakes the strand at {@code at} unless it has moved on (its epoch changed) by then. */
  void wakeAt(Strand s, long at) {
    timers.add(new Timer(at, seq++, s, s.epoch()));
  }

  /** Ends the run loop: the execution is over. */
  void stop() {
    stopped = true;
  }

  /** Throws {@link ExecutionTimedOut} once the execution is past its TimeoutSeconds. */
  void checkDeadline() {
    if (now() > deadline) {
      throw new ExecutionTimedOut();
    }
  }

  /** Runs strands until none is ready and no timer is left, or the execution stops. */
  void run() {
    while (!stopped) {
      Strand s = ready.pollFirst();
      if (s != null) {
        s.turn();
        continue;
      }
      Timer t = timers.poll();
      if (t == null) {
        return;
      }
      if (t.epoch != t.strand.epoch()) {
        continue;
      }
      if (t.at > deadline) {
        advanceTo(deadline);
        throw new ExecutionTimedOut();
      }
      advanceTo(t.at);
      ready.addLast(t.strand);
    }
  }

  private void advanceTo(long target) {
    if (!realTime) {
      now = Math.max(now, target);
      return;
    }
    long wait = target - clock.millis();
    if (wait > 0) {
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ExecutionTimedOut();
      }
    }
    now = Math.max(target, clock.millis());
  }

  /** A synchronous task that ran out its timeout took that long (virtual time). */
  void advanceBy(long millis) {
    if (!realTime) {
      now += millis;
    }
  }
}
