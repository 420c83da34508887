package com.example.workshop.runtime.sfn.internal.history;

/**
 * Where one strand of an execution stands in the history: the id its next event follows
 * ({@code previousEventId}). Events of an unrecorded strand (a distributed Map's child
 * executions) are not written.
 */
public final class Cursor {
  private long last;
  private final boolean recorded;

  public Cursor(long last, boolean recorded) {
    this.last = last;
    this.recorded = recorded;
  }

  public long last() {
    return last;
  }

  /** Makes the next event follow {@code id} (AWS links some events to an earlier one). */
  public void moveTo(long id) {
    this.last = id;
  }

  public boolean recorded() {
    return recorded;
  }
}
