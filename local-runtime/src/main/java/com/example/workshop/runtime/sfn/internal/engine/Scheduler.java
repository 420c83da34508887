package com.example.workshop.runtime.sfn.internal.engine;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs an execution's strands one at a time, each until it blocks, in a deterministic order: ready
 * strands first in, first out; then timers and ended function calls by (instant, order of
 * creation), a call before a timer of the same instant. When every strand is blocked, time moves
 * to the next of them: at once in virtual time, unless a function call is still running, whose
 * measured duration counts; by waiting in real time. The machine's deadline (TimeoutSeconds, at
 * most one year) ends the execution when nothing else happens before it.
 */
final class Scheduler {
  private record Timer(long at, long seq, Strand strand, long epoch) implements Comparable<Timer> {
    @Override
    public int compareTo(Timer o) {
      int c = Long.compare(at, o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  private static final ExecutorService WORKERS =
      java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sfn-function");
        t.setDaemon(true);
        return t;
      });

  private final ArrayDeque<Strand> ready = new ArrayDeque<>();
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private final List<Call> running = new ArrayList<>();
  private final PriorityQueue<Call> ended = new PriorityQueue<>((a, b) -> {
    int c = Long.compare(a.virtualEnd(), b.virtualEnd());
    return c != 0 ? c : Long.compare(a.seq, b.seq);
  });
  private final LinkedBlockingQueue<Call> returned = new LinkedBlockingQueue<>();
  private final Clock clock;
  private final boolean realTime;
  /** The instant the execution times out: TimeoutSeconds, or the one-year maximum. */
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
    Call c = new Call(s, now(), seq++);
    running.add(c);
    c.future = WORKERS.submit(() -> {
      c.begun = true;
      try {
        c.reply = work.call();
      } catch (Exception e) {
        c.reply = new FunctionRunner.Reply(null, e.getClass().getName(),
            FunctionRunner.errorDocument(e.getClass().getName(), e.getMessage(), "",
                e.getStackTrace()));
      } finally {
        c.realEnd = System.nanoTime();
        returned.add(c);
        c.ended.countDown();
      }
    });
    return c;
  }

  /**
   * Stops a call (its thread is interrupted) and waits for the function to return, so its END and
   * REPORT lines come before what follows; its reply is dropped.
   */
  void cancel(Call c) {
    if (!c.delivered && !c.cancelled) {
      c.cancelled = true;
      running.remove(c);
      ended.remove(c);
      c.future.cancel(true);
      c.awaitEnd();
    }
  }

  /** Ends the run loop: the execution is over; calls still running are stopped. */
  void stop() {
    stopped = true;
    for (Call c : new ArrayList<>(running)) {
      cancel(c);
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

  /** Moves to the next timer or ended call, or waits for one; false when nothing is pending. */
  private boolean next() {
    for (Call c = returned.poll(); c != null; c = returned.poll()) {
      if (!c.cancelled && running.remove(c)) {
        ended.add(c);
      }
    }
    while (!timers.isEmpty() && timers.peek().epoch != timers.peek().strand.epoch()) {
      timers.poll();
    }
    long timer = timers.isEmpty() ? Long.MAX_VALUE : timers.peek().at;
    long call = ended.isEmpty() ? Long.MAX_VALUE : ended.peek().virtualEnd();
    long known = Math.min(timer, call);
    if (known == Long.MAX_VALUE && running.isEmpty()) {
      return false;
    }
    long horizon = horizon();
    if (known <= deadline && known <= horizon) {
      advanceTo(known);
      if (call <= timer) {
        Call c = ended.poll();
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
    await(Math.min(known, deadline == Long.MAX_VALUE ? known : deadline + 1) - horizon);
    return true;
  }

  /**
   * How far time may move: in real time, the clock; in virtual time, as far as no running call
   * could have ended yet (each has run at least as long as it has been running).
   */
  private long horizon() {
    if (realTime) {
      return clock.millis();
    }
    long h = Long.MAX_VALUE;
    for (Call c : running) {
      h = Math.min(h, c.earliestEnd());
    }
    return h;
  }

  /** Waits until a call returns or about {@code millis} have passed. */
  private void await(long millis) {
    try {
      Call c = returned.poll(Math.max(1, Math.min(millis, 60_000)), TimeUnit.MILLISECONDS);
      if (c != null) {
        returned.add(c);
      }
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
}
