package com.example.workshop.runtime.sfn.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Task that got a task token ({@code .waitForTaskToken}, {@code .sync}). Its token is open until
 * the task takes an answer, times out, is aborted or its execution ends; the first answer sent
 * while it is open wins, any later call finds it closed.
 */
public final class WaitingTask {
  /** SendTaskSuccess's output, or SendTaskFailure's error and cause (each may be null). */
  record Answer(JsonNode output, String error, String cause) {
    boolean failed() {
      return output == null;
    }
  }

  private static final Object OPEN = new Object();
  private static final Object CLOSED = new Object();

  private final String token;
  private final String stateName;
  final ExecutionControl control;
  final Strand strand;
  /** OPEN, an Answer not yet taken, or CLOSED. */
  private final AtomicReference<Object> state = new AtomicReference<>(OPEN);
  /** The task waits for its token (TaskSubmitted written); the execution's thread only. */
  boolean waiting;
  /** A TimeoutSeconds or HeartbeatSeconds runs while it waits; the execution's thread only. */
  boolean timed;
  /** When the task started or last heard a heartbeat, in execution time. */
  long lastBeat;

  WaitingTask(String token, String stateName, ExecutionControl control, Strand strand, long now) {
    this.token = token;
    this.stateName = stateName;
    this.control = control;
    this.strand = strand;
    this.lastBeat = now;
  }

  public String token() {
    return token;
  }

  public String stateName() {
    return stateName;
  }

  boolean isOpen() {
    return state.get() == OPEN;
  }

  /** Any thread: takes {@code answer} if the token is still open. */
  boolean answer(Answer answer) {
    return state.compareAndSet(OPEN, answer);
  }

  /** The answer sent and not taken yet, which closes the token; else null. */
  Answer takeAnswer() {
    Object s = state.get();
    if (s instanceof Answer a && state.compareAndSet(a, CLOSED)) {
      return a;
    }
    return null;
  }

  /** Closes an open token (timeout, abort, end); false when it was answered or closed already. */
  boolean close() {
    return state.compareAndSet(OPEN, CLOSED);
  }

  /** An answer arrived: the task's strand runs again if it is waiting for it. */
  boolean wakeForAnswer(Scheduler scheduler) {
    if (!waiting || state.get() == CLOSED) {
      return false;
    }
    strand.movedOn();
    scheduler.ready(strand);
    return true;
  }

  void heartbeat(long now) {
    lastBeat = Math.max(lastBeat, now);
  }
}
