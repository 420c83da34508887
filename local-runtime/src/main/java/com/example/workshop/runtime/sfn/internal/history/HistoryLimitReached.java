package com.example.workshop.runtime.sfn.internal.history;

/** The history quota (25,000 events on AWS) was reached: the execution fails. */
public final class HistoryLimitReached extends RuntimeException {
  public HistoryLimitReached() {
    super("history limit", null, false, false);
  }
}
