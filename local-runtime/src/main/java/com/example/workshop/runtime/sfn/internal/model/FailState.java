package com.example.workshop.runtime.sfn.internal.model;

import com.example.workshop.runtime.sfn.internal.query.StateIo;

/** Fail: ends its scope with an error name and a cause, each absent, literal or computed. */
public record FailState(String name, StateIo io, TextValue error, TextValue cause) implements State {
  @Override
  public StateType type() {
    return StateType.FAIL;
  }
}
