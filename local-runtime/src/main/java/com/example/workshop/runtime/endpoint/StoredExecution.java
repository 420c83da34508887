package com.example.workshop.runtime.endpoint;

import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.HistoryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An execution the endpoint started: RUNNING until the engine hands back its result. Its start
 * date is when StartExecution was answered; its stop date adds the run's duration on the engine's
 * clock (virtual by default), so a Wait of an hour shows an hour even though it took no time.
 */
final class StoredExecution {
  final long sequence;
  final String arn;
  final String name;
  final StoredMachine machine;
  final String input;
  final Instant startDate;
  private final CompletableFuture<Execution> done = new CompletableFuture<>();

  StoredExecution(long sequence, String arn, String name, StoredMachine machine, String input,
      Instant startDate) {
    this.sequence = sequence;
    this.arn = arn;
    this.name = name;
    this.machine = machine;
    this.input = input;
    this.startDate = startDate;
  }

  void finished(Execution result) {
    done.complete(result);
  }

  /** The engine failed outside the execution's own error handling (a local-runtime bug). */
  void crashed(RuntimeException e) {
    done.completeExceptionally(e);
  }

  /** Waits for the end (StartSyncExecution); false when {@code timeout} passes first. */
  boolean await(Duration timeout) throws InterruptedException {
    try {
      done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return true;
    }
    return true;
  }

  boolean running() {
    return !done.isDone();
  }

  String status() {
    if (running()) {
      return "RUNNING";
    }
    Execution r = result();
    return r == null ? "FAILED" : r.status().name();
  }

  /** JSON text; null unless SUCCEEDED. */
  String output() {
    Execution r = result();
    return r == null ? null : r.output();
  }

  String error() {
    Execution r = result();
    return r != null ? r.error() : running() ? null : "States.Runtime";
  }

  String cause() {
    Execution r = result();
    if (r != null || running()) {
      return r == null ? null : r.cause();
    }
    return "Internal error in local-runtime: " + done.handle((x, e) -> String.valueOf(e)).join();
  }

  /** The history; empty while RUNNING (the engine hands it over at the end). */
  List<HistoryEvent> history() {
    Execution r = result();
    return r == null ? List.of() : r.history();
  }

  /** Null while RUNNING. */
  Instant stopDate() {
    if (running()) {
      return null;
    }
    List<HistoryEvent> events = history();
    if (events.isEmpty()) {
      return startDate;
    }
    return startDate.plus(Duration.between(events.get(0).timestamp(),
        events.get(events.size() - 1).timestamp()));
  }

  private Execution result() {
    return done.isDone() && !done.isCompletedExceptionally() ? done.join() : null;
  }
}
