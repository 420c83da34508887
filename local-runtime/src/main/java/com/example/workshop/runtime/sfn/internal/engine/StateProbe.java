package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import com.example.workshop.runtime.sfn.internal.model.Catcher;
import com.example.workshop.runtime.sfn.internal.model.ErrorHandling;
import com.example.workshop.runtime.sfn.internal.model.MapState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a TestState run puts into the one state it runs (Context object, retry count, mock) and
 * what it sees of it: each stage of the input and output processing, the Map's evaluated limits,
 * and the Retry/Catch decision on an error.
 */
final class StateProbe {
  static final String THRESHOLD_EXCEEDED = "States.ExceedToleratedFailureThreshold";

  private final StateTest.Setup setup;
  private final MockConfig.Response mock;
  final Map<String, JsonNode> stages = new LinkedHashMap<>();
  Integer maxConcurrency;
  Integer toleratedFailureCount;
  Double toleratedFailurePercentage;
  /** The Retry/Catch decision on the state's error and that error; null when it raised none. */
  RetryDecision decision;
  StatesError handled;
  Integer retryIndex;
  Integer catchIndex;
  Integer retryBackoffSeconds;

  StateProbe(StateTest.Setup setup) {
    this.setup = setup;
    StateTest.Mock m = setup.mock();
    this.mock = m == null ? null : m.result() != null
        ? new MockConfig.Response(m.result(), null, 0, false, null, null, null)
        : new MockConfig.Response(null, null, 0, true, m.error(), m.cause(), null);
  }

  ObjectNode context() {
    return setup.context();
  }

  int retryCount() {
    return setup.retryCount();
  }

  /** The mocked answer of the Task (null: the Task really runs). */
  MockConfig.Response mock() {
    return mock;
  }

  /** An ItemReader's items: the request's mapItemReaderData, or null when it gave none. */
  JsonNode readerItems() {
    return setup.readerItems();
  }

  void stage(String name, JsonNode value) {
    stages.put(name, value);
  }

  /**
   * A mocked Map in place of its iterations: the mocked error comes from a state inside it
   * (errorCausedByState); a mocked result whose failed iterations (mapIterationFailureCount)
   * exceed the tolerated failures the Map declares fails it with
   * States.ExceedToleratedFailureThreshold. A Map that declares no tolerance ignores the count, as
   * AWS's TestState does.
   */
  JsonNode mapResult(MapState m, Integer maxConcurrency, Integer count, Double percentage,
      RetryingExecutor.Attempts a) {
    this.maxConcurrency = maxConcurrency == null ? 0 : maxConcurrency;
    this.toleratedFailureCount = count;
    this.toleratedFailurePercentage = percentage;
    JsonNode result = children(a);
    Integer failures = setup.mapIterationFailureCount();
    if (failures != null && failures > 0 && (count != null || percentage != null)) {
      int iterations = result.isArray() ? result.size() : failures;
      if (!MapExecutor.tolerated(m, failures, iterations, count, percentage)) {
        a.childFailed = true;
        throw new StatesError(THRESHOLD_EXCEEDED,
            "The specified tolerated failure threshold was exceeded");
      }
    }
    return result;
  }

  /** A mocked Parallel in place of its branches. */
  JsonNode parallelResult(RetryingExecutor.Attempts a) {
    return children(a);
  }

  private JsonNode children(RetryingExecutor.Attempts a) {
    if (mock.isThrow()) {
      a.childFailed = true;
      throw new StatesError(mock.error(), mock.cause());
    }
    return mock.value();
  }

  /** Records the decision on the state's error with the Retry and Catch entries it refers to. */
  void decided(ErrorHandling handling, StatesError error, RetryDecision d) {
    decision = d;
    handled = error;
    for (int i = 0; i < handling.retriers().size(); i++) {
      if (handling.retriers().get(i).matches(error.error())) {
        retryIndex = i;
        break;
      }
    }
    if (d instanceof RetryDecision.Retry r) {
      retryBackoffSeconds = (int) Math.min(Integer.MAX_VALUE, r.delayMillis() / 1000);
    } else if (d instanceof RetryDecision.Catch c) {
      for (int i = 0; i < handling.catchers().size(); i++) {
        Catcher catcher = handling.catchers().get(i);
        if (catcher == c.catcher()) {
          catchIndex = i;
          break;
        }
      }
    }
  }
}
