package com.example.workshop.runtime.sfn.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The function calls of one execution: running on worker threads, then ended (by the virtual
 * instant they ended, then the order they started) until the scheduler hands them to their
 * strands.
 */
final class Calls {
  private static final ExecutorService WORKERS =
      java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sfn-function");
        t.setDaemon(true);
        return t;
      });

  private final List<Call> running = new ArrayList<>();
  private final PriorityQueue<Call> ended = new PriorityQueue<>((a, b) -> {
    int c = Long.compare(a.virtualEnd(), b.virtualEnd());
    return c != 0 ? c : Long.compare(a.seq, b.seq);
  });
  private final LinkedBlockingQueue<Call> returned = new LinkedBlockingQueue<>();
  private final ExecutionControl control;

  Calls(ExecutionControl control) {
    this.control = control;
  }

  /** Starts {@code work} for {@code c} on a worker thread. */
  void start(Call c, Callable<FunctionRunner.Reply> work) {
    running.add(c);
    c.future = WORKERS.submit(() -> {
      c.begun = true;
      try {
        c.reply = work.call();
      } catch (Exception e) {
        c.reply = new FunctionRunner.Reply(null, e.getClass().getName(),
            FunctionRunner.errorDocument(e.getClass().getName(), e.getMessage(), "",
                e.getStackTrace()));
      } finally {
        c.realEnd = System.nanoTime();
        returned.add(c);
        c.ended.countDown();
        control.signal(); // after countDown: the execution may hold the lock while it awaits the end
      }
    });
  }

  /** Stops a call and waits for its function to return; its reply is dropped. */
  void cancel(Call c) {
    if (!c.delivered && !c.cancelled) {
      c.cancelled = true;
      running.remove(c);
      ended.remove(c);
      c.future.cancel(true);
      c.awaitEnd();
    }
  }

  void cancelAll() {
    for (Call c : new ArrayList<>(running)) {
      cancel(c);
    }
  }

  /** Moves the calls that have returned from running to ended. */
  void collect() {
    for (Call c = returned.poll(); c != null; c = returned.poll()) {
      if (!c.cancelled && running.remove(c)) {
        ended.add(c);
      }
    }
  }

  boolean anyRunning() {
    return !running.isEmpty();
  }

  /** The virtual instant the next ended call ended; Long.MAX_VALUE when none has. */
  long nextEnd() {
    return ended.isEmpty() ? Long.MAX_VALUE : ended.peek().virtualEnd();
  }

  Call takeEnded() {
    return ended.poll();
  }

  /** How far virtual time may move: no running call can have ended before this instant. */
  long horizon() {
    long h = Long.MAX_VALUE;
    for (Call c : running) {
      h = Math.min(h, c.earliestEnd());
    }
    return h;
  }

}
