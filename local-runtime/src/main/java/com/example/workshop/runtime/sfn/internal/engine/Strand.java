package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.ErrorNames;
import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import com.example.workshop.runtime.sfn.internal.history.Cursor;
import com.example.workshop.runtime.sfn.internal.history.EventType;
import com.example.workshop.runtime.sfn.internal.model.Branch;
import com.example.workshop.runtime.sfn.internal.model.State;
import com.example.workshop.runtime.sfn.internal.model.StateType;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.JsonPaths;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One line of execution: the machine's top level, a Parallel branch or a Map iteration. It runs
 * its branch state by state until it blocks (a timer, its children, a task in flight) or ends, and
 * then tells its owner.
 */
final class Strand {
  /** States run per turn before the strand requeues itself first: short, often-called turns. */
  private static final int SLICE = 64;

  private final ExecutionRun run;
  private final Branch branch;
  private final Variables variables;
  private final Cursor cursor;
  private final StrandOwner owner;
  /** The item index of a Map iteration, the branch index of a Parallel branch. */
  final int index;
  private String next;
  private JsonNode data;
  private Visit visit;
  /** The visit whose failure ended the strand (a redrive starts there again). */
  private Visit failedVisit;
  /** Where a redriven strand continues: handed to the visit of its first state. */
  private Resume resume;
  private long epoch;
  private boolean over;
  /** The type of the state whose error ended this strand, or null. */
  private StateType failedIn;
  /** A TestState strand runs one state: it ends when that state exits, wherever it goes next. */
  private boolean oneState;
  /** The Next of the state that ended a one-state strand (null for an end state). */
  private String exitedTo;

  Strand(ExecutionRun run, Branch branch, JsonNode input, Variables variables, Cursor cursor,
      StrandOwner owner, int index) {
    this.run = run;
    this.branch = branch;
    this.variables = variables;
    this.cursor = cursor;
    this.owner = owner;
    this.index = index;
    this.next = branch.startAt();
    this.data = input;
  }

  /** A strand that continues where {@code from} stood (a redrive). */
  Strand(ExecutionRun run, Branch branch, Resume from, Variables variables, Cursor cursor,
      StrandOwner owner, int index) {
    this(run, branch, from.input(), variables, cursor, owner, index);
    this.next = from.state();
    this.resume = from;
    variables.assign(from.variables());
  }

  ExecutionRun run() {
    return run;
  }

  Variables variables() {
    return variables;
  }

  Cursor cursor() {
    return cursor;
  }

  /** Changes when the strand is stopped, so that its pending timers no longer wake it. */
  long epoch() {
    return epoch;
  }

  boolean isOver() {
    return over;
  }

  /** The visit in progress, or null between states. */
  Visit visit() {
    return visit;
  }

  /** The visit in progress or the one that failed; null once the strand finished its branch. */
  Visit lastVisit() {
    return visit != null ? visit : failedVisit;
  }

  /** What the strand waited for happened: the timers it set while waiting no longer wake it. */
  void movedOn() {
    epoch++;
  }

  /** Stops the strand where it stands: nothing of it runs again. */
  void stop() {
    over = true;
    epoch++;
  }

  /** Makes this a TestState strand: it ends after its first state. */
  Strand oneState() {
    oneState = true;
    return this;
  }

  /** Where the state that ended a one-state strand goes next; null for an end state. */
  String exitedTo() {
    return exitedTo;
  }

  /** The type of the state whose error ended this strand; null unless it failed. */
  StateType failedIn() {
    return failedIn;
  }

  /**
   * Stops a strand that is still running because its Parallel or Map failed: what its current
   * state started is stopped first, then the state's Aborted event is written (Task, Wait, Map,
   * Parallel; AWS writes none for the others).
   */
  void abort() {
    if (over) {
      return;
    }
    if (visit != null) {
      Executors.of(visit.state.type()).abort(visit);
      EventType aborted = EventType.aborted(visit.state.type());
      if (aborted != null) {
        run.history().record(cursor, aborted);
      }
    }
    stop();
  }

  /** One turn: runs states until the strand blocks or ends, or its slice is used up. */
  void turn() {
    for (int n = 0; n < SLICE; n++) {
      if (over) {
        return;
      }
      if (visit == null) {
        visit = enter();
      }
      Step step = step(visit);
      if (step instanceof Step.Next s) {
        visit = null;
        if (s.next() == null || oneState) {
          over = true;
          exitedTo = s.next();
          owner.finished(this, s.output());
          return;
        }
        next = s.next();
        data = s.output();
      } else if (step instanceof Step.Failed f) {
        failedIn = visit.state.type();
        failedVisit = visit;
        visit = null;
        over = true;
        owner.failed(this, f.error());
        return;
      } else if (step instanceof Step.Sleep s) {
        run.scheduler().wakeAt(this, s.until());
        return;
      } else {
        return;
      }
    }
    run.scheduler().readyFirst(this);
  }

  private Visit enter() {
    run.scheduler().checkDeadline();
    State s = branch.state(next);
    run.visited(s.name());
    long enteredAfter = cursor.last();
    long enteredId = run.history().stateEntered(cursor, s.type(), s.name(), data);
    Visit v = new Visit(this, s, data, run.scheduler().now(), enteredId,
        s.type() == StateType.WAIT ? enteredId : enteredAfter);
    if (resume != null) {
      v.resume = resume;
      resume = null;
    }
    return v;
  }

  private Step step(Visit v) {
    Step step;
    try {
      step = Executors.of(v.state.type()).step(v);
    } catch (StatesError e) {
      step = new Step.Failed(e);
    } catch (JsonPaths.PathNotFound | IllegalArgumentException e) {
      // a path argument (intrinsic, Choice rule) that selects nothing, or an unusable value
      step = new Step.Failed(v.runtimeError(e.getMessage()));
    }
    if (step instanceof Step.Failed f) {
      run.stateFailed(v.state.name());
      StatesError e = f.error();
      if (ErrorNames.RUNTIME.equals(e.error()) && e.cause() != null
          && !e.cause().startsWith(Visit.RUNTIME_PREFIX)) {
        return new Step.Failed(v.runtimeError(e.cause()));
      }
    }
    return step;
  }
}
