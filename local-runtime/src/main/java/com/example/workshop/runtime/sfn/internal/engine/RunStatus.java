package com.example.workshop.runtime.sfn.internal.engine;

/** Where an execution stands, as DescribeExecution names it. */
public enum RunStatus {
  RUNNING,
  SUCCEEDED,
  FAILED,
  TIMED_OUT,
  ABORTED
}
