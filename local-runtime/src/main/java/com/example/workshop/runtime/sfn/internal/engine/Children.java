package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import com.example.workshop.runtime.sfn.internal.history.Cursor;
import com.example.workshop.runtime.sfn.internal.model.Branch;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;

/**
 * The strands one Parallel or Map attempt started. Each one that ends is queued here, in the order
 * they end, and wakes the parent strand at once; the parent's executor decides what follows.
 */
final class Children implements StrandOwner {
  /** A child that ended: with {@code output}, or with {@code error}. */
  record Ended(Strand strand, JsonNode output, StatesError error) {}

  private final Strand parent;
  private final ArrayDeque<Ended> ended = new ArrayDeque<>();
  private int running;
  private boolean woken;

  Children(Strand parent) {
    this.parent = parent;
  }

  /**
   * Starts a child on {@code branch}; its first event follows {@code after}. Unrecorded children
   * (a distributed Map's) write no events.
   */
  Strand start(Branch branch, JsonNode input, int index, long after, boolean recorded) {
    Strand child = new Strand(parent.run(), branch, input, new Variables(parent.variables()),
        new Cursor(after, recorded), this, index);
    running++;
    parent.run().scheduler().ready(child);
    return child;
  }

  /** Children started and not yet ended. */
  int running() {
    return running;
  }

  /** The next child that ended, or null; the parent takes them in the order they ended. */
  Ended next() {
    woken = false;
    return ended.poll();
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
    running--;
    ended.add(e);
    if (!woken) {
      woken = true;
      parent.run().scheduler().readyFirst(parent);
    }
  }
}
