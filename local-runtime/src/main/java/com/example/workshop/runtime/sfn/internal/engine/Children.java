package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import com.example.workshop.runtime.sfn.internal.history.Cursor;
import com.example.workshop.runtime.sfn.internal.history.EventType;
import com.example.workshop.runtime.sfn.internal.model.Branch;
import com.example.workshop.runtime.sfn.internal.model.StateType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The strands one Parallel or Map attempt started. Each one that ends is queued here, in the order
 * they end, and wakes the parent strand behind the strands already ready: what happens at one
 * instant (every branch entering its first state, say) happens before the parent reacts to it.
 */
final class Children implements StrandOwner {
  /** A child that ended: with {@code output}, or with {@code error}. */
  record Ended(Strand strand, JsonNode output, StatesError error) {}

  private final Strand parent;
  private final ArrayDeque<Ended> ended = new ArrayDeque<>();
  /** Started and not yet ended, in the order they started. */
  private final Set<Strand> running = new LinkedHashSet<>();
  private boolean woken;

  Children(Strand parent) {
    this.parent = parent;
  }

  /**
   * Starts a child on {@code branch}; its first event follows {@code after}. Unrecorded children
   * (a distributed Map's) write no events.
   */
  Strand start(Branch branch, JsonNode input, int index, long after, boolean recorded) {
    return started(new Strand(parent.run(), branch, input, new Variables(parent.variables()),
        new Cursor(after, recorded), this, index));
  }

  /** Starts a child that continues where a redriven branch or iteration stood. */
  Strand resume(Branch branch, Resume from, int index, long after, boolean recorded) {
    return started(new Strand(parent.run(), branch, from, new Variables(parent.variables()),
        new Cursor(after, recorded), this, index));
  }

  private Strand started(Strand child) {
    running.add(child);
    parent.run().scheduler().ready(child);
    return child;
  }

  /** Children started and not yet ended. */
  int running() {
    return running.size();
  }

  /** The next child that ended, or null; the parent takes them in the order they ended. */
  Ended next() {
    woken = false;
    return ended.poll();
  }

  /** Stops every child still running, in the order they started, calling {@code then} for each. */
  void abortRunning(Consumer<Strand> then) {
    List<Strand> aborted = new ArrayList<>(running);
    running.clear();
    for (Strand s : aborted) {
      s.abort();
      then.accept(s);
    }
  }

  /**
   * A failed child's Task is aborted with its branch, as AWS records (TaskStateAborted after the
   * Task's failure event, which the parent's next event follows too). Returns that failure event.
   */
  static long failed(Strand child) {
    long failure = child.cursor().last();
    if (child.failedIn() == StateType.TASK) {
      child.run().history().record(new Cursor(failure, child.cursor().recorded()),
          EventType.TASK_STATE_ABORTED);
    }
    return failure;
  }

  @Override
  public void finished(Strand strand, JsonNode output) {
    end(new Ended(strand, output, null));
  }

  @Override
  public void failed(Strand strand, StatesError error) {
    end(new Ended(strand, null, error));
  }

  private void end(Ended e) {
    running.remove(e.strand());
    ended.add(e);
    if (!woken) {
      woken = true;
      parent.run().scheduler().ready(parent);
    }
  }
}
