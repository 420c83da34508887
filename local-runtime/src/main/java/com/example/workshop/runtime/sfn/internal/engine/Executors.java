package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.model.StateType;

/** One executor per state type. */
final class Executors {
  private static final StateExecutor PASS = new PassExecutor();
  private static final StateExecutor TASK = new TaskExecutor();
  private static final StateExecutor CHOICE = new ChoiceExecutor();
  private static final StateExecutor WAIT = new WaitExecutor();
  private static final StateExecutor SUCCEED = new SucceedExecutor();
  private static final StateExecutor FAIL = new FailExecutor();
  private static final StateExecutor PARALLEL = new ParallelExecutor();
  private static final StateExecutor MAP = new MapExecutor();

  private Executors() {}

  static StateExecutor of(StateType type) {
    return switch (type) {
      case PASS -> PASS;
      case TASK -> TASK;
      case CHOICE -> CHOICE;
      case WAIT -> WAIT;
      case SUCCEED -> SUCCEED;
      case FAIL -> FAIL;
      case PARALLEL -> PARALLEL;
      case MAP -> MAP;
    };
  }
}
