package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.history.Cursor;
import com.example.workshop.runtime.sfn.internal.history.EventType;
import com.example.workshop.runtime.sfn.internal.model.ErrorHandling;
import com.example.workshop.runtime.sfn.internal.model.ParallelState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** Parallel: each attempt runs every branch on the effective input; the result is their outputs. */
final class ParallelExecutor extends RetryingExecutor {
  /** One attempt: its branches, their outputs by branch index, and the input they all get. */
  private static final class Work {
    final Children children;
    final JsonNode[] outputs;
    final JsonNode input;
    int started;
    int finished;
    Strand last;

    Work(Children children, int branches, JsonNode input) {
      this.children = children;
      this.outputs = new JsonNode[branches];
      this.input = input;
    }
  }

  @Override
  JsonNode attempt(Visit v, Attempts a) {
    ParallelState p = (ParallelState) v.state;
    JsonNode input = p.io().effectiveInput(v.input, v);
    v.run().history().record(v.strand.cursor(), EventType.PARALLEL_STATE_STARTED);
    Work w = new Work(new Children(v.strand), p.branches().size(), input);
    a.work = w;
    startNext(v, p, w);
    return null;
  }

  /** Branches run one after another, each starting where ParallelStateStarted left off. */
  private static void startNext(Visit v, ParallelState p, Work w) {
    int i = w.started++;
    w.children.start(p.branches().get(i), w.input, i, v.strand.cursor().last(), true);
  }

  @Override
  JsonNode resume(Visit v, Attempts a) {
    ParallelState p = (ParallelState) v.state;
    Work w = (Work) a.work;
    Cursor cursor = v.strand.cursor();
    for (Children.Ended e = w.children.next(); e != null; e = w.children.next()) {
      if (e.error() != null) {
        cursor.moveTo(e.strand().cursor().last());
        a.childFailed = true;
        throw e.error();
      }
      w.outputs[e.strand().index] = e.output();
      w.finished++;
      w.last = e.strand();
    }
    if (w.finished < w.outputs.length) {
      if (w.children.running() == 0) {
        startNext(v, p, w);
      }
      return null;
    }
    cursor.moveTo(w.last.cursor().last());
    v.run().history().record(cursor, EventType.PARALLEL_STATE_SUCCEEDED);
    ArrayNode results = Json.NODES.arrayNode(w.outputs.length);
    for (JsonNode out : w.outputs) {
      results.add(out);
    }
    return results;
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
