package com.example.workshop.runtime.sfn.internal.model;

import java.util.List;

/** Retry and Catch of a Task, Parallel or Map state, in definition order. */
public record ErrorHandling(List<Retrier> retriers, List<Catcher> catchers) {
  public ErrorHandling {
    retriers = List.copyOf(retriers);
    catchers = List.copyOf(catchers);
  }
}
