package com.example.workshop.runtime.sfn.internal.engine;

/**
 * Runs one state type. {@link #step} is called when a visit starts and again each time its strand
 * is woken, until it returns Next or Failed; what it needs between calls lives in the {@link Visit}.
 */
interface StateExecutor {
  Step step(Visit visit);

  /**
   * The visit is stopped before it ended (a sibling branch or iteration failed): stop whatever it
   * started (children, a task in flight). The state's Aborted event is written by the strand.
   */
  default void abort(Visit visit) {}
}
