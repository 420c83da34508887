package com.example.workshop.runtime.aws;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for something eventually consistent (an execution to finish, a function to become
 * Active, a message to arrive) by asking again with exponential backoff: 100 ms, 200 ms, ... up to
 * 2 s between tries, until a deadline. Never a fixed sleep: fast when the answer is fast.
 */
public final class Poll {
  static final Duration FIRST_DELAY = Duration.ofMillis(100);
  static final Duration MAX_DELAY = Duration.ofSeconds(2);

  /** Sleeps; replaced in tests. */
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /** Reads elapsed time; replaced in tests. */
  interface Ticker {
    long nanos();
  }

  private Poll() {}

  /**
   * Returns the first value of {@code probe} that satisfies {@code done}.
   *
   * @param what what is awaited, for the timeout message (e.g. "execution ord-1 to finish")
   * @throws IllegalStateException when {@code timeout} passes first; the message names {@code
   *     what} and the last value seen
   */
  public static <T> T until(Supplier<T> probe, Predicate<? super T> done, Duration timeout, String what) {
    return until(probe, done, timeout, what, d -> Thread.sleep(d.toMillis()), System::nanoTime);
  }

  static <T> T until(
      Supplier<T> probe, Predicate<? super T> done, Duration timeout, String what, Sleeper sleeper, Ticker ticker) {
    long start = ticker.nanos();
    Duration delay = FIRST_DELAY;
    while (true) {
      T value = probe.get();
      if (done.test(value)) {
        return value;
      }
      Duration elapsed = Duration.ofNanos(ticker.nanos() - start);
      Duration left = timeout.minus(elapsed);
      if (left.isNegative() || left.isZero()) {
        throw new IllegalStateException(
            "timed out after " + timeout.toSeconds() + " s waiting for " + what + "; last value: " + value);
      }
      try {
        sleeper.sleep(delay.compareTo(left) < 0 ? delay : left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what, e);
      }
      delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
    }
  }
}
