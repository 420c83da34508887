package com.example.workshop.runtime.sfn.internal.asl;

import java.util.List;

/** AWS's ErrorEquals matching: exact names plus the States.ALL / States.TaskFailed wildcards. */
public final class ErrorNames {
  public static final String ALL = "States.ALL";
  public static final String TASK_FAILED = "States.TaskFailed";
  public static final String RUNTIME = "States.Runtime";
  public static final String TIMEOUT = "States.Timeout";
  public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
  public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";
  public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
  public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";

  private ErrorNames() {}

  /** States.Runtime is never retried nor caught, not even when named explicitly. */
  public static boolean matches(List<String> errorEquals, String error) {
    if (RUNTIME.equals(error)) {
      return false;
    }
    String name = error == null ? "" : error;
    for (String candidate : errorEquals) {
      if (candidate.equals(name) || candidate.equals(ALL)
          || (candidate.equals(TASK_FAILED) && !name.equals(TIMEOUT)
              && !name.equals(HEARTBEAT_TIMEOUT))) {
        return true;
      }
    }
    return false;
  }
}
