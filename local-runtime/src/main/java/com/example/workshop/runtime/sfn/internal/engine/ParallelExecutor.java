package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.history.Cursor;
import com.example.workshop.runtime.sfn.internal.history.EventType;
import com.example.workshop.runtime.sfn.internal.model.ParallelState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Parallel: each attempt starts every branch at once on the effective input; the result is their
 * outputs in branch order. A branch that fails stops the others (their running states are
 * aborted) and fails the state with its error.
 */
final class ParallelExecutor extends RetryingExecutor {
  /** One attempt: its branches, their strands and their outputs by branch index. */
  private static final class Work {
    final Children children;
    final Strand[] strands;
    final JsonNode[] outputs;
    int finished;

    Work(Children children, int branches) {
      this.children = children;
      this.strands = new Strand[branches];
      this.outputs = new JsonNode[branches];
    }
  }

  /**
   * Starts every branch; a redriven visit reuses the outputs of the branches that succeeded and
   * continues the others where they stood.
   */
  @Override
  JsonNode attempt(Visit v, Attempts a) {
    ParallelState p = (ParallelState) v.state;
    JsonNode input = p.io().effectiveInput(v.input, v);
    StateProbe probe = v.run().probe();
    if (probe != null) {
      return probe.parallelResult(a);
    }
    long started = v.run().history().record(v.strand.cursor(), EventType.PARALLEL_STATE_STARTED);
    Work w = new Work(new Children(v.strand), p.branches().size());
    a.work = w;
    Resume redriven = v.resume;
    v.resume = null;
    for (int i = 0; i < p.branches().size(); i++) {
      Resume.Child child = redriven == null ? null : redriven.child(i);
      if (child instanceof Resume.Child.Done done) {
        w.outputs[i] = done.output();
        w.finished++;
      } else if (child instanceof Resume.Child.Again again && again.from() != null) {
        w.strands[i] = w.children.resume(p.branches().get(i), again.from(), i, started, true);
      } else {
        w.strands[i] = w.children.start(p.branches().get(i), input, i, started, true);
      }
    }
    return w.finished == w.outputs.length ? succeeded(v, w) : null;
  }

  @Override
  JsonNode resume(Visit v, Attempts a) {
    Work w = (Work) a.work;
    Cursor cursor = v.strand.cursor();
    for (Children.Ended e = w.children.next(); e != null; e = w.children.next()) {
      if (e.error() != null) {
        cursor.moveTo(Children.failed(e.strand()));
        w.children.abortRunning(s -> { });
        a.childFailed = true;
        throw e.error();
      }
      w.outputs[e.strand().index] = e.output();
      w.finished++;
      cursor.moveTo(e.strand().cursor().last());
    }
    return w.finished < w.outputs.length ? null : succeeded(v, w);
  }

  private static JsonNode succeeded(Visit v, Work w) {
    v.run().history().record(v.strand.cursor(), EventType.PARALLEL_STATE_SUCCEEDED);
    ArrayNode results = Json.NODES.arrayNode(w.outputs.length);
    for (JsonNode out : w.outputs) {
      results.add(out);
    }
    return results;
  }

  /** Each branch: done with its output, or to run again from where its strand stood. */
  @Override
  List<Resume.Child> progress(Visit v) {
    if (!(v.work instanceof Attempts a) || !(a.work instanceof Work w)) {
      return List.of();
    }
    List<Resume.Child> children = new ArrayList<>(w.outputs.length);
    for (int i = 0; i < w.outputs.length; i++) {
      children.add(w.outputs[i] != null ? new Resume.Child.Done(w.outputs[i])
          : new Resume.Child.Again(w.strands[i] == null ? null : Resume.of(w.strands[i])));
    }
    return children;
  }

  @Override
  void abortWork(Visit v, Attempts a) {
    ((Work) a.work).children.abortRunning(s -> { });
  }

  @Override
  void failed(Visit v) {
    v.run().history().record(v.strand.cursor(), EventType.PARALLEL_STATE_FAILED);
  }
}
