package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.model.SucceedState;

/** Succeed: ends its branch with its input (after InputPath and OutputPath, or Output). */
final class SucceedExecutor implements StateExecutor {
  @Override
  public Step step(Visit v) {
    SucceedState s = (SucceedState) v.state;
    return v.exit(s.io().passThrough(v.input, s.io().input(v.input, v), v), null);
  }
}
