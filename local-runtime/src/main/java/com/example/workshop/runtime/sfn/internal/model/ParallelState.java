package com.example.workshop.runtime.sfn.internal.model;

import com.example.workshop.runtime.sfn.internal.query.StateIo;
import java.util.List;

/** Parallel: every branch gets the effective input; the result is the array of branch outputs. */
public record ParallelState(String name, String next, StateIo io, List<Branch> branches,
    ErrorHandling handling) implements RetryingState {
  public ParallelState {
    branches = List.copyOf(branches);
  }

  @Override
  public StateType type() {
    return StateType.PARALLEL;
  }
}
