package com.example.workshop.triggers;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;

/** Applies one delivery at most once, using an {@link IdempotencyStore}. */
final class Once {
  private final IdempotencyStore store;

  Once(IdempotencyStore store) {
    this.store = store;
  }

  /**
   * Runs {@code action} unless {@code key} was already applied; returns false for a duplicate. When
   * the action throws, the claim is released (so the retry runs) and the exception goes on.
   */
  boolean apply(String key, Context context, Runnable action) {
    // The claim lasts as long as this invocation may still run; a killed attempt's claim runs out.
    Duration lockFor = Duration.ofMillis(Math.max(1000, context.getRemainingTimeInMillis()));
    if (!store.tryClaim(key, lockFor)) {
      return false;
    }
    try {
      action.run();
    } catch (RuntimeException e) {
      store.release(key);
      throw e;
    }
    store.complete(key);
    return true;
  }

  /**
   * "where: problem" for a log line, without repeating where when the message already starts with
   * it.
   */
  static String describe(String where, RuntimeException e) {
    String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    return message.startsWith(where) ? message : where + ": " + message;
  }
}
