package com.example.workshop.runtime.sfn.internal.engine;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A function call running on a worker thread for a strand. It takes virtual time as long as it
 * runs in real time: it ends at {@code virtualStart} plus its measured duration.
 */
final class Call {
  final Strand strand;
  final long virtualStart;
  final long realStart;
  final long seq;
  Future<?> future;
  volatile FunctionRunner.Reply reply;
  /** System.nanoTime() when the call returned; 0 while it runs. */
  volatile long realEnd;
  /** The worker has begun the call, and counts this down when it returns. */
  volatile boolean begun;
  final CountDownLatch ended = new CountDownLatch(1);
  /** Set by the scheduler once the strand has been given the reply. */
  boolean delivered;
  boolean cancelled;

  Call(Strand strand, long virtualStart, long seq) {
    this.strand = strand;
    this.virtualStart = virtualStart;
    this.realStart = System.nanoTime();
    this.seq = seq;
  }

  /** The virtual instant the call ended (whole milliseconds of its measured duration). */
  long virtualEnd() {
    return Time.plus(virtualStart, (realEnd - realStart) / 1_000_000);
  }

  /** After an interrupt: waits (10 s at most) until the function has returned and logged its end. */
  void awaitEnd() {
    if (!begun) {
      return;
    }
    try {
      ended.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The earliest virtual instant a call still running can end: now it has run this long. */
  long earliestEnd() {
    return Time.plus(virtualStart, (System.nanoTime() - realStart) / 1_000_000);
  }
}
