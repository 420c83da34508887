package com.example.workshop.runtime.endpoint;

import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.ExecutionHandle;
import com.example.workshop.runtime.sfn.ExecutionStatus;
import com.example.workshop.runtime.sfn.HistoryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An execution the endpoint started, read live from its {@link ExecutionHandle}: status and
 * history so far while RUNNING. Its start date is when StartExecution was answered; its stop date
 * adds the run's duration on the engine's clock (virtual by default), so a Wait of an hour shows
 * an hour even though it took no time.
 *
 * <p>In virtual time an execution's clock moves only while someone awaits it, so a worker awaits
 * it until it ends or settles (waits for task tokens only), as a service does for its clients: the
 * timers of a task waiting for its token run on the wall clock, so a client has the real seconds
 * to answer. {@link #wake} starts that again after a token is answered or the execution is stopped
 * or redriven.
 */
final class StoredExecution {
  final long sequence;
  final String arn;
  final String name;
  final StoredMachine machine;
  final String input;
  final Instant startDate;
  private volatile ExecutionHandle handle;
  /** Set once the end was reported to {@code ended} (execution log), per run. */
  private volatile boolean reported;
  /** The engine failed outside the execution's own error handling (a local-runtime bug). */
  private volatile RuntimeException crash;
  private final AtomicInteger wakeups = new AtomicInteger();

  StoredExecution(long sequence, String arn, String name, StoredMachine machine, String input,
      Instant startDate) {
    this.sequence = sequence;
    this.arn = arn;
    this.name = name;
    this.machine = machine;
    this.input = input;
    this.startDate = startDate;
  }

  /** Runs (or, after a redrive, continues) on {@code run}; the worker reports its end to {@code ended}. */
  void attach(ExecutionHandle run, Executor workers, Consumer<Execution> ended) {
    handle = run;
    reported = false;
    wake(workers, ended);
  }

  /** Lets the execution's clock move again until it ends or settles (one worker at a time). */
  void wake(Executor workers, Consumer<Execution> ended) {
    if (wakeups.getAndIncrement() == 0) {
      workers.execute(() -> drive(ended));
    }
  }

  private void drive(Consumer<Execution> ended) {
    do {
      wakeups.set(1);
      try {
        Execution now = handle.awaitSettledForClients();
        if (now.status() != ExecutionStatus.RUNNING && !reported) {
          reported = true;
          ended.accept(now);
        }
      } catch (RuntimeException e) {
        crash = e;
      }
    } while (wakeups.decrementAndGet() > 0);
  }

  ExecutionHandle handle() {
    return handle;
  }

  /** The execution as it stands (RUNNING with its history so far, or ended). */
  Execution current() {
    return handle.snapshot();
  }

  boolean running() {
    return crash == null && handle.status() == ExecutionStatus.RUNNING;
  }

  String status() {
    return crash != null ? "FAILED" : handle.status().name();
  }

  /** JSON text; null unless SUCCEEDED. */
  String output() {
    return crash != null ? null : current().output();
  }

  String error() {
    return crash != null ? "States.Runtime" : current().error();
  }

  String cause() {
    return crash != null ? "Internal error in local-runtime: " + crash : current().cause();
  }

  List<HistoryEvent> history() {
    return current().history();
  }

  /** Null while RUNNING. */
  Instant stopDate() {
    return crash != null ? startDate : stopDate(startDate, current());
  }

  /** {@code startDate} plus how long {@code e} ran on the engine's clock; null while it runs. */
  static Instant stopDate(Instant startDate, Execution e) {
    return e.stopDate() == null ? null : startDate.plus(Duration.between(e.startDate(), e.stopDate()));
  }
}
