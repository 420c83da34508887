package com.example.workshop.runtime.scaling.internal;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Virtual time in microseconds: actions run in time order and nothing sleeps. Actions at the same
 * instant run by {@link Step} (an environment freed at t serves what arrives at t), then in the
 * order they were scheduled, so a replay is the same every time.
 */
final class Scheduler {
  /**
   * What runs first when several things happen at one instant: environments are freed, then
   * messages arrive, then pollers receive what is visible (all of it, not one message at a time).
   */
  enum Step { FINISH, ARRIVE, POLL, RAMP, RETRY }

  private record Action(long at, Step step, long seq, Runnable run) {}

  private final PriorityQueue<Action> actions = new PriorityQueue<>(
      Comparator.comparingLong(Action::at).thenComparing(Action::step).thenComparingLong(Action::seq));
  private long now;
  private long seq;

  long now() {
    return now;
  }

  void at(long micros, Step step, Runnable run) {
    actions.add(new Action(Math.max(micros, now), step, seq++, run));
  }

  /** Runs every action, including the ones actions schedule, until none is left. */
  void run() {
    Action next;
    while ((next = actions.poll()) != null) {
      now = next.at();
      next.run().run();
    }
  }

  static long micros(double ms) {
    return (long) Math.ceil(ms * 1000 - 1e-6);
  }

  static long seconds(long s) {
    return s * 1_000_000L;
  }
}
