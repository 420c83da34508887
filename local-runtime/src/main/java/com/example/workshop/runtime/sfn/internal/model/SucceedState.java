package com.example.workshop.runtime.sfn.internal.model;

import com.example.workshop.runtime.sfn.internal.query.StateIo;

/** Succeed: ends its scope successfully with its (InputPath, OutputPath or Output) input. */
public record SucceedState(String name, StateIo io) implements State {
  @Override
  public StateType type() {
    return StateType.SUCCEED;
  }
}
