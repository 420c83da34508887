package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import com.example.workshop.runtime.sfn.internal.model.FailState;

/** Fail: ends its branch with Error and Cause (literal, ErrorPath/CausePath, or JSONata). */
final class FailExecutor implements StateExecutor {
  @Override
  public Step step(Visit v) {
    FailState f = (FailState) v.state;
    String error = Fields.text(f.error(), "Error", v.input, v);
    String cause = Fields.text(f.cause(), "Cause", v.input, v);
    return new Step.Failed(new StatesError(error, cause));
  }
}
