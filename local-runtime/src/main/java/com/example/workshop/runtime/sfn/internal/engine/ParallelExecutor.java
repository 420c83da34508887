package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.history.Cursor;
import com.example.workshop.runtime.sfn.internal.history.EventType;
import com.example.workshop.runtime.sfn.internal.model.ErrorHandling;
import com.example.workshop.runtime.sfn.internal.model.ParallelState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Parallel: each attempt starts every branch at once on the effective input; the result is their
 * outputs in branch order. A branch that fails stops the others (their running states are
 * aborted) and fails the state with its error.
 */
final class ParallelExecutor extends RetryingExecutor {
  /** One attempt: its branches and their outputs by branch index. */
  private static final class Work {
    final Children children;
    final JsonNode[] outputs;
    int finished;

    Work(Children children, int branches) {
      this.children = children;
      this.outputs = new JsonNode[branches];
    }
  }

  @Override
  JsonNode attempt(Visit v, Attempts a) {
    ParallelState p = (ParallelState) v.state;
    JsonNode input = p.io().effectiveInput(v.input, v);
    long started = v.run().history().record(v.strand.cursor(), EventType.PARALLEL_STATE_STARTED);
    Work w = new Work(new Children(v.strand), p.branches().size());
    a.work = w;
    for (int i = 0; i < p.branches().size(); i++) {
      w.children.start(p.branches().get(i), input, i, started, true);
    }
    return null;
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
    if (w.finished < w.outputs.length) {
      return null;
    }
    v.run().history().record(cursor, EventType.PARALLEL_STATE_SUCCEEDED);
    ArrayNode results = Json.NODES.arrayNode(w.outputs.length);
    for (JsonNode out : w.outputs) {
      results.add(out);
    }
    return results;
  }

  @Override
  void abortWork(Visit v, Attempts a) {
    ((Work) a.work).children.abortRunning(s -> { });
  }

  @Override
  void failed(Visit v) {
    v.run().history().record(v.strand.cursor(), EventType.PARALLEL_STATE_FAILED);
  }

  @Override
  ErrorHandling handling(Visit v) {
    return ((ParallelState) v.state).handling();
  }

  @Override
  String next(Visit v) {
    return ((ParallelState) v.state).next();
  }
}
