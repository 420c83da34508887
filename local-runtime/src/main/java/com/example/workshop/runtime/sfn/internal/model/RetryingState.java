package com.example.workshop.runtime.sfn.internal.model;

/** Task, Parallel and Map: a state whose work is retried and caught, then goes to Next. */
public sealed interface RetryingState extends State permits TaskState, ParallelState, MapState {
  /** Next, or null when the state ends its branch. */
  String next();

  ErrorHandling handling();
}
