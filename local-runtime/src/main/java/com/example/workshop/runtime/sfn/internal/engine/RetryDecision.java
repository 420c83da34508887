package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.ErrorNames;
import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import com.example.workshop.runtime.sfn.internal.model.Catcher;
import com.example.workshop.runtime.sfn.internal.model.ErrorHandling;
import com.example.workshop.runtime.sfn.internal.model.Retrier;
import java.util.random.RandomGenerator;

/**
 * What Retry and Catch make of an error: retry after a delay, go on with a catcher, or fail. The
 * first retrier whose ErrorEquals matches decides; once its attempts are used up the catchers are
 * tried. States.Runtime is never retried nor caught.
 */
sealed interface RetryDecision {
  /** Retry with retrier number {@code retrier} after {@code delayMillis}. */
  record Retry(int retrier, long delayMillis) implements RetryDecision {}

  record Catch(Catcher catcher) implements RetryDecision {}

  record Fail() implements RetryDecision {}

  /** {@code attempts}: retries made so far per retrier in this visit of the state. */
  static RetryDecision decide(ErrorHandling handling, int[] attempts, StatesError error,
      RandomGenerator random) {
    if (ErrorNames.RUNTIME.equals(error.error())) {
      return new Fail();
    }
    for (int i = 0; i < handling.retriers().size(); i++) {
      Retrier r = handling.retriers().get(i);
      if (r.matches(error.error())) {
        if (attempts[i] < r.maxAttempts()) {
          return new Retry(i, r.delayMillis(attempts[i], random));
        }
        break;
      }
    }
    for (Catcher c : handling.catchers()) {
      if (c.matches(error.error())) {
        return new Catch(c);
      }
    }
    return new Fail();
  }
}
