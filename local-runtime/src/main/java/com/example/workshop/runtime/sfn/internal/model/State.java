package com.example.workshop.runtime.sfn.internal.model;

import com.example.workshop.runtime.sfn.internal.query.StateIo;

/** A compiled, immutable state; its input and output processing is in its query language. */
public sealed interface State
    permits PassState, ChoiceState, WaitState, SucceedState, FailState, RetryingState {
  String name();

  StateType type();

  StateIo io();
}
