package com.example.workshop.runtime.sfn.internal.model;

import com.example.workshop.runtime.sfn.internal.query.StateIo;

/** Wait: until a number of seconds has passed or a timestamp is reached. */
public record WaitState(String name, String next, StateIo io, NumberValue seconds, TextValue timestamp)
    implements State {
  @Override
  public StateType type() {
    return StateType.WAIT;
  }
}
