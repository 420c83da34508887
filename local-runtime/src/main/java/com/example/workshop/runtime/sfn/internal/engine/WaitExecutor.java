package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.model.WaitState;
import com.fasterxml.jackson.databind.JsonNode;

/** Wait: sleeps until its instant (virtual or real time), then exits with its input. */
final class WaitExecutor implements StateExecutor {
  private static final int WAITING = 1;

  @Override
  public Step step(Visit v) {
    WaitState w = (WaitState) v.state;
    JsonNode input = w.io().input(v.input, v);
    if (v.phase != WAITING) {
      v.phase = WAITING;
      long until = Fields.waitUntil(w, input, v);
      if (until > v.run().scheduler().now()) {
        return new Step.Sleep(until);
      }
    }
    return v.exit(w.io().passThrough(v.input, input, v), w.next());
  }
}
