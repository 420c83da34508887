package com.example.workshop.runtime.sfn;

import java.util.List;

/** AWS's ErrorEquals matching: exact names plus the States.ALL / States.TaskFailed wildcards. */
final class ErrorNames {
  static final String ALL = "States.ALL";
  static final String TASK_FAILED = "States.TaskFailed";
  static final String RUNTIME = "States.Runtime";
  static final String TIMEOUT = "States.Timeout";

  private ErrorNames() {}

  /** States.Runtime is never retried nor caught, not even when named explicitly. */
  static boolean matches(List<String> errorEquals, String error) {
    if (RUNTIME.equals(error)) {
      return false;
    }
    String name = error == null ? "" : error;
    for (String candidate : errorEquals) {
      if (candidate.equals(name) || candidate.equals(ALL)
          || (candidate.equals(TASK_FAILED) && !name.equals(TIMEOUT)
              && !name.equals("States.HeartbeatTimeout"))) {
        return true;
      }
    }
    return false;
  }
}
