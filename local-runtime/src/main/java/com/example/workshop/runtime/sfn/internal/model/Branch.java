package com.example.workshop.runtime.sfn.internal.model;

import com.example.workshop.runtime.sfn.internal.asl.ErrorNames;
import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import java.util.Map;

/** A {@code StartAt} + {@code States} scope: the machine, a Parallel branch or a Map processor. */
public record Branch(String startAt, Map<String, State> states) {
  public Branch {
    states = Map.copyOf(states);
  }

  public State state(String name) {
    State s = states.get(name);
    if (s == null) {
      throw new StatesError(ErrorNames.RUNTIME, "State '" + name + "' does not exist.");
    }
    return s;
  }
}
