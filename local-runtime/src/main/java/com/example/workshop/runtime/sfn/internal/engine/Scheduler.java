package com.example.workshop.runtime.sfn.internal.engine;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;

/**
 * Runs an execution's strands one at a time, each until it blocks, in a deterministic order: ready
 * strands first in, first out; then timers and ended function calls by (instant, order of
 * creation), a call before a timer of the same instant. When every strand is blocked, the
 * execution's inbox is read first (task answers, heartbeats, a stop); then time moves to the next
 * timer or call: at once in virtual time while someone awaits the execution ({@link
 * ExecutionControl}), else only as far as running functions have run; by waiting in real time, and
 * in virtual time while a service awaits the execution for clients that must answer a task token
 * before its HeartbeatSeconds or TimeoutSeconds. A running function's measured duration always
 * counts. The execution's deadline (TimeoutSeconds, one year at most) ends it when nothing else
 * happens up to then.
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
  /** Function calls; made on the first call (most executions make none). */
  private Calls calls;
  private final Clock clock;
  private final boolean realTime;
  private final long deadline;
  /** The deadline is the one-year limit, not a TimeoutSeconds of the definition. */
  private final boolean deadlineIsLimit;
  private final ExecutionControl control;
  private long now;
  /** In virtual time, while its timers run on the wall clock: execution time minus wall time. */
  private long wallOffset;
  private boolean onWallClock;
  private long seq;
  private boolean stopped;

  Scheduler(Clock clock, boolean realTime, long start, long deadline, boolean deadlineIsLimit,
      ExecutionControl control) {
    this.clock = clock;
    this.realTime = realTime;
    this.now = start;
    this.deadline = deadline;
    this.deadlineIsLimit = deadlineIsLimit;
    this.control = control;
  }

  /** The execution's current time in epoch milliseconds. */
  long now() {
    if (realTime) {
      now = Math.max(now, clock.millis());
    } else if (onWallClock) {
      now = Math.max(now, wallMillis() + wallOffset);
    }
    return now;
  }

  /** Monotonic wall time: a virtual clock (Clock.fixed in tests) need not move. */
  private static long wallMillis() {
    return System.nanoTime() / 1_000_000;
  }

  /** Starts or ends running on the wall clock in virtual time, from the current instant. */
  private void wallClock(boolean on) {
    if (on && !onWallClock) {
      wallOffset = now - wallMillis();
    }
    onWallClock = on;
  }

  /** Queues a strand behind the others that are ready. */
  void ready(Strand s) {
    ready.addLast(s);
  }

  /** Queues a strand before all others: it goes on with its turn. */
  void readyFirst(Strand s) {
    ready.addFirst(s);
  }

  /** Wakes the strand at {@code at} unless it has moved on (its epoch changed) by then. */
  void wakeAt(Strand s, long at) {
    timers.add(new Timer(at, seq++, s, s.epoch()));
  }

  /** Starts {@code work} on a worker thread; the strand is woken when it returns. */
  Call call(Strand s, Callable<FunctionRunner.Reply> work) {
    if (calls == null) {
      calls = new Calls(control);
    }
    Call c = new Call(s, now(), seq++);
    calls.start(c, work);
    return c;
  }

  /**
   * Stops a call (its thread is interrupted) and waits for the function to return, so its END and
   * REPORT lines come before what follows; its reply is dropped.
   */
  void cancel(Call c) {
    calls.cancel(c);
  }

  /** Ends the run loop: the execution is over; calls still running are stopped. */
  void stop() {
    stopped = true;
    if (calls != null) {
      calls.cancelAll();
    }
  }

  /** Throws {@link ExecutionTimedOut} once the execution is past its deadline. */
  void checkDeadline() {
    if (now() > deadline) {
      throw new ExecutionTimedOut();
    }
  }

  /** Runs strands until none is ready and nothing is pending, or the execution stops. */
  void run() {
    try {
      while (!stopped) {
        Strand s = ready.pollFirst();
        if (s != null) {
          s.turn();
        } else if (!next()) {
          return;
        }
      }
    } finally {
      stop();
    }
  }

  /**
   * Reads the inbox, then moves to the next timer or ended call, or waits for one; false when
   * nothing is pending.
   *
   * @throws ExecutionStopped a stop request arrived
   * @throws ExecutionTimedOut the deadline passed
   */
  private boolean next() {
    if (!realTime) {
      wallClock(control.tokenTimersOnWallClock());
    }
    if (control.deliver(this)) {
      return true;
    }
    if (calls != null) {
      calls.collect();
    }
    while (!timers.isEmpty() && timers.peek().epoch != timers.peek().strand.epoch()) {
      timers.poll();
    }
    long timer = timers.isEmpty() ? Long.MAX_VALUE : timers.peek().at;
    long call = calls == null ? Long.MAX_VALUE : calls.nextEnd();
    long known = Math.min(timer, call);
    boolean running = calls != null && calls.anyRunning();
    if (known == Long.MAX_VALUE && !running && !control.tokensOut()) {
      return false;
    }
    if (known == Long.MAX_VALUE && !running && deadlineIsLimit) {
      control.settled(); // only tokens without a timer of their own are left
    }
    // How far time may move now: in real time to the wall clock; in virtual time as far as the
    // running calls have run, or to any instant while someone awaits the execution, or as far as
    // the wall clock has run while a client must answer a token before its timer.
    long horizon = realTime ? clock.millis() : running ? calls.horizon() : now;
    if (onWallClock) {
      horizon = now();
    } else if (!realTime && control.skipping()) {
      horizon = running ? calls.horizon() : Long.MAX_VALUE;
    }
    if (known <= deadline && (known <= horizon || call <= timer && !realTime && !running)) {
      advanceTo(known);
      if (call <= timer) {
        Call c = calls.takeEnded();
        c.delivered = true;
        c.strand.movedOn();
        ready.addLast(c.strand);
      } else {
        ready.addLast(timers.poll().strand);
      }
      return true;
    }
    if (deadline < known && deadline < horizon) {
      advanceTo(deadline);
      throw new ExecutionTimedOut();
    }
    long until = Math.min(known, deadline + 1);
    await(realTime ? until - clock.millis() : onWallClock || running ? until - horizon : Long.MAX_VALUE);
    return true;
  }

  /** Waits until a call returns, a message or an awaiter arrives, or {@code millis} pass. */
  private void await(long millis) {
    try {
      control.await(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExecutionTimedOut();
    }
  }

  private void advanceTo(long target) {
    if (!realTime) {
      now = Math.max(now, target);
      return;
    }
    now = Math.max(target, clock.millis());
  }
}
