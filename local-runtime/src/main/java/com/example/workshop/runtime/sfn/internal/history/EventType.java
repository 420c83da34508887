package com.example.workshop.runtime.sfn.internal.history;

import com.example.workshop.runtime.sfn.internal.model.StateType;

/**
 * The history event types the engine writes, each with the name of its details field in
 * GetExecutionHistory (null for events AWS records without details).
 */
public enum EventType {
  EXECUTION_STARTED("ExecutionStarted", "executionStartedEventDetails"),
  EXECUTION_SUCCEEDED("ExecutionSucceeded", "executionSucceededEventDetails"),
  EXECUTION_FAILED("ExecutionFailed", "executionFailedEventDetails"),
  EXECUTION_TIMED_OUT("ExecutionTimedOut", "executionTimedOutEventDetails"),
  EXECUTION_ABORTED("ExecutionAborted", "executionAbortedEventDetails"),
  EXECUTION_REDRIVEN("ExecutionRedriven", "executionRedrivenEventDetails"),

  PASS_STATE_ENTERED("PassStateEntered", Details.ENTERED),
  PASS_STATE_EXITED("PassStateExited", Details.EXITED),
  TASK_STATE_ENTERED("TaskStateEntered", Details.ENTERED),
  TASK_STATE_EXITED("TaskStateExited", Details.EXITED),
  TASK_STATE_ABORTED("TaskStateAborted", null),
  CHOICE_STATE_ENTERED("ChoiceStateEntered", Details.ENTERED),
  CHOICE_STATE_EXITED("ChoiceStateExited", Details.EXITED),
  WAIT_STATE_ENTERED("WaitStateEntered", Details.ENTERED),
  WAIT_STATE_EXITED("WaitStateExited", Details.EXITED),
  WAIT_STATE_ABORTED("WaitStateAborted", null),
  SUCCEED_STATE_ENTERED("SucceedStateEntered", Details.ENTERED),
  SUCCEED_STATE_EXITED("SucceedStateExited", Details.EXITED),
  FAIL_STATE_ENTERED("FailStateEntered", Details.ENTERED),
  PARALLEL_STATE_ENTERED("ParallelStateEntered", Details.ENTERED),
  PARALLEL_STATE_EXITED("ParallelStateExited", Details.EXITED),
  PARALLEL_STATE_STARTED("ParallelStateStarted", null),
  PARALLEL_STATE_SUCCEEDED("ParallelStateSucceeded", null),
  PARALLEL_STATE_FAILED("ParallelStateFailed", null),
  PARALLEL_STATE_ABORTED("ParallelStateAborted", null),
  MAP_STATE_ENTERED("MapStateEntered", Details.ENTERED),
  MAP_STATE_EXITED("MapStateExited", Details.EXITED),
  MAP_STATE_STARTED("MapStateStarted", "mapStateStartedEventDetails"),
  MAP_STATE_SUCCEEDED("MapStateSucceeded", null),
  MAP_STATE_FAILED("MapStateFailed", null),
  MAP_STATE_ABORTED("MapStateAborted", null),
  MAP_ITERATION_STARTED("MapIterationStarted", "mapIterationStartedEventDetails"),
  MAP_ITERATION_SUCCEEDED("MapIterationSucceeded", "mapIterationSucceededEventDetails"),
  MAP_ITERATION_FAILED("MapIterationFailed", "mapIterationFailedEventDetails"),
  MAP_ITERATION_ABORTED("MapIterationAborted", "mapIterationAbortedEventDetails"),
  MAP_RUN_STARTED("MapRunStarted", "mapRunStartedEventDetails"),
  MAP_RUN_SUCCEEDED("MapRunSucceeded", null),
  MAP_RUN_FAILED("MapRunFailed", "mapRunFailedEventDetails"),

  TASK_SCHEDULED("TaskScheduled", "taskScheduledEventDetails"),
  TASK_STARTED("TaskStarted", "taskStartedEventDetails"),
  TASK_SUBMITTED("TaskSubmitted", "taskSubmittedEventDetails"),
  TASK_SUCCEEDED("TaskSucceeded", "taskSucceededEventDetails"),
  TASK_FAILED("TaskFailed", "taskFailedEventDetails"),
  TASK_TIMED_OUT("TaskTimedOut", "taskTimedOutEventDetails"),
  LAMBDA_FUNCTION_SCHEDULED("LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails"),
  LAMBDA_FUNCTION_STARTED("LambdaFunctionStarted", null),
  LAMBDA_FUNCTION_SUCCEEDED("LambdaFunctionSucceeded", "lambdaFunctionSucceededEventDetails"),
  LAMBDA_FUNCTION_FAILED("LambdaFunctionFailed", "lambdaFunctionFailedEventDetails"),
  LAMBDA_FUNCTION_TIMED_OUT("LambdaFunctionTimedOut", "lambdaFunctionTimedOutEventDetails"),

  EVALUATION_FAILED("EvaluationFailed", "evaluationFailedEventDetails");

  private static final class Details {
    static final String ENTERED = "stateEnteredEventDetails";
    static final String EXITED = "stateExitedEventDetails";
  }

  private final String awsName;
  private final String detailsName;

  EventType(String awsName, String detailsName) {
    this.awsName = awsName;
    this.detailsName = detailsName;
  }

  private static final java.util.Map<String, EventType> BY_AWS_NAME = new java.util.HashMap<>();

  static {
    for (EventType t : values()) {
      BY_AWS_NAME.put(t.awsName, t);
    }
  }

  /** The type GetExecutionHistory spells {@code awsName}, or null for a type the engine never writes. */
  public static EventType byAwsName(String awsName) {
    return BY_AWS_NAME.get(awsName);
  }

  /** The type as GetExecutionHistory spells it, e.g. {@code TaskStateEntered}. */
  public String awsName() {
    return awsName;
  }

  /** The details field, e.g. {@code stateEnteredEventDetails}; null when there is none. */
  public String detailsName() {
    return detailsName;
  }

  public static EventType entered(StateType type) {
    return switch (type) {
      case PASS -> PASS_STATE_ENTERED;
      case TASK -> TASK_STATE_ENTERED;
      case CHOICE -> CHOICE_STATE_ENTERED;
      case WAIT -> WAIT_STATE_ENTERED;
      case SUCCEED -> SUCCEED_STATE_ENTERED;
      case FAIL -> FAIL_STATE_ENTERED;
      case PARALLEL -> PARALLEL_STATE_ENTERED;
      case MAP -> MAP_STATE_ENTERED;
    };
  }

  /** Fail states never exit: their scope ends with the error. */
  public static EventType exited(StateType type) {
    return switch (type) {
      case PASS -> PASS_STATE_EXITED;
      case TASK -> TASK_STATE_EXITED;
      case CHOICE -> CHOICE_STATE_EXITED;
      case WAIT -> WAIT_STATE_EXITED;
      case SUCCEED -> SUCCEED_STATE_EXITED;
      case PARALLEL -> PARALLEL_STATE_EXITED;
      case MAP -> MAP_STATE_EXITED;
      case FAIL -> throw new IllegalArgumentException("a Fail state has no exit event");
    };
  }

  /** The event of a state stopped while it was still running, or null (Pass, Choice, ...). */
  public static EventType aborted(StateType type) {
    return switch (type) {
      case TASK -> TASK_STATE_ABORTED;
      case WAIT -> WAIT_STATE_ABORTED;
      case PARALLEL -> PARALLEL_STATE_ABORTED;
      case MAP -> MAP_STATE_ABORTED;
      default -> null;
    };
  }
}
