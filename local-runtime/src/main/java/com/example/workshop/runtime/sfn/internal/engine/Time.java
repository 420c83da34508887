package com.example.workshop.runtime.sfn.internal.engine;

/** Arithmetic on epoch milliseconds that saturates instead of wrapping. */
final class Time {
  private Time() {}

  /** {@code at + millis}, at most Long.MAX_VALUE (for non-negative millis). */
  static long plus(long at, long millis) {
    long sum = at + millis;
    return ((at ^ sum) & (millis ^ sum)) < 0 ? (millis > 0 ? Long.MAX_VALUE : Long.MIN_VALUE)
        : sum;
  }

  /** {@code at + seconds * 1000}, saturating. */
  static long plusSeconds(long at, long seconds) {
    long millis = seconds > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : seconds * 1000;
    return plus(at, millis);
  }
}
