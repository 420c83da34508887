package com.example.workshop.runtime.sfn.internal.render;

import java.util.List;
import java.util.Set;

/**
 * What one execution did, for drawing it over the definition: state names in order of entry
 * (nested states included), states that failed, and states that were retried.
 */
public record ExecutionPath(List<String> visited, Set<String> failed, Set<String> retried) {
  public ExecutionPath {
    visited = List.copyOf(visited);
    failed = Set.copyOf(failed);
    retried = Set.copyOf(retried);
  }
}
