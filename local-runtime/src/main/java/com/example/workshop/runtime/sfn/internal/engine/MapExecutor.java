package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.ErrorNames;
import com.example.workshop.runtime.sfn.internal.asl.Ids;
import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.asl.Limits;
import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import com.example.workshop.runtime.sfn.internal.history.Cursor;
import com.example.workshop.runtime.sfn.internal.history.EventType;
import com.example.workshop.runtime.sfn.internal.history.HistoryRecorder;
import com.example.workshop.runtime.sfn.internal.model.MapState;
import com.example.workshop.runtime.sfn.internal.model.NumberValue;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.JsonPathIo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Map: each attempt runs the item processor once per item (inline, or a distributed Map's child
 * executions, which write no events here; their items from the state input or an ItemReader, in
 * batches with an ItemBatcher) and collects the outputs in item order. At most MaxConcurrency iterations run at once (an inline Map
 * at most 40, as on AWS); a new one starts when one ends. An iteration that fails (beyond a
 * distributed Map's tolerance) stops the others.
 */
final class MapExecutor extends RetryingExecutor {
  /** One attempt: the items, the iterations started and ended, tolerated failures. */
  private static final class Work {
    final Children children;
    final JsonNode items;
    /** The items are batches, each an iteration's input as it is. */
    final boolean batched;
    final JsonNode effective;
    final JsonNode[] outputs;
    final Strand[] strands;
    /** Iterations that succeeded (a tolerated failure has an output too, the error). */
    final boolean[] succeeded;
    /** A redrive's record of the iterations (null: run every one). */
    final Resume redriven;
    final Integer toleratedCount;
    final Double toleratedPercentage;
    /** Iterations allowed to run at once. */
    final int limit;
    int started;
    int ended;
    int failures;
    /** What MapStateSucceeded follows: the last MapIterationSucceeded (or MapRunSucceeded). */
    long lastIterationEnd;

    Work(Children children, JsonNode items, boolean batched, JsonNode effective,
        Integer toleratedCount, Double toleratedPercentage, int limit, Resume redriven) {
      this.children = children;
      this.batched = batched;
      this.limit = limit;
      this.items = items;
      this.effective = effective;
      this.outputs = new JsonNode[items.size()];
      this.strands = new Strand[items.size()];
      this.succeeded = new boolean[items.size()];
      this.redriven = redriven;
      this.toleratedCount = toleratedCount;
      this.toleratedPercentage = toleratedPercentage;
    }
  }

  @Override
  JsonNode attempt(Visit v, Attempts a) {
    MapState m = (MapState) v.state;
    StateProbe probe = v.run().probe();
    if (m.unsupportedField() != null && probe == null) {
      throw new StatesError(ErrorNames.RUNTIME, "The Map field " + m.unsupportedField()
          + " (distributed Map reading or writing S3) is not supported by local-runtime; pass the"
          + " items in the state input and use ItemsPath instead.");
    }
    JsonNode effective = m.io().input(v.input, v);
    // An ItemReader reads TestState's mapItemReaderData (null: not given), or in an execution the
    // S3 objects, once the Map Run has started; its items ignore ItemsPath, as on AWS
    boolean reader = m.reader() != null || m.unsupportedField() != null;
    JsonNode items = !reader ? items(m, effective, v) : probe != null ? probe.readerItems() : null;
    Integer maxConcurrency =
        Fields.integer(m.maxConcurrency(), "MaxConcurrencyPath", effective, v.input, v);
    if (maxConcurrency != null && maxConcurrency < 0) { // a literal is checked by validation
      if (m.maxConcurrency() instanceof NumberValue.Jsonata) {
        throw v.evaluationFailed("MaxConcurrency",
            "The MaxConcurrency field must not be negative, but was: " + maxConcurrency);
      }
      throw new StatesError(ErrorNames.RUNTIME, "MaxConcurrency cannot be negative.");
    }
    HistoryRecorder history = v.run().history();
    Cursor cursor = v.strand.cursor();
    history.mapStateStarted(cursor, items == null ? 0 : items.size());
    Integer count = Fields.integer(m.toleratedFailureCount(), "ToleratedFailureCountPath",
        effective, v.input, v);
    if (count != null && count < 0) {
      throw new StatesError(ErrorNames.RUNTIME, "ToleratedFailureCount cannot be negative.");
    }
    Double percentage = Fields.percentage(m.toleratedFailurePercentage(), effective, v.input, v);
    if (percentage != null && (percentage < 0 || percentage > 100)) {
      throw new StatesError(ErrorNames.RUNTIME,
          "ToleratedFailurePercentage must be between 0 and 100.");
    }
    if (probe != null) {
      if (items != null && m.itemSelector() != null) {
        ArrayNode selected = Json.NODES.arrayNode(items.size());
        for (int i = 0; i < items.size(); i++) {
          selected.add(iterationInput(v, m, effective, i, items.get(i)));
        }
        v.inspect("afterItemSelector", selected);
      }
      return probe.mapResult(m, maxConcurrency, count, percentage, a);
    }
    if (m.distributed()) {
      history.mapRunStarted(cursor, "arn:aws:states:" + v.run().config().region() + ":"
          + v.run().config().accountId() + ":mapRun:" + v.run().stateMachineName() + "/"
          + (m.label() != null ? m.label() : m.name()) + ":" + Ids.uuid(v.random()));
    }
    if (items == null) {
      items = readItems(v, m, effective);
    }
    boolean batched = m.batcher() != null;
    if (batched) { // each item selected first, then grouped: a batch is an iteration's input
      ArrayNode selected = Json.NODES.arrayNode(items.size());
      for (int i = 0; i < items.size(); i++) {
        selected.add(iterationInput(v, m, effective, i, items.get(i)));
      }
      items = ItemBatching.batches(m.batcher(), selected, effective, v);
    }
    int cap = m.distributed() ? Limits.DISTRIBUTED_MAP_CONCURRENCY
        : Limits.INLINE_MAP_CONCURRENCY;
    int limit = maxConcurrency == null || maxConcurrency <= 0 ? cap
        : Math.min(maxConcurrency, cap);
    Work w = new Work(new Children(v.strand), items, batched, effective, count, percentage, limit,
        v.resume);
    v.resume = null;
    w.lastIterationEnd = cursor.last();
    a.work = w;
    return admit(v, m, w);
  }

  /** The ItemReader's items; a reader that fails ends the Map Run with its error. */
  private static JsonNode readItems(Visit v, MapState m, JsonNode effective) {
    try {
      return ItemReading.read(m.reader(), effective, v);
    } catch (StatesError e) {
      if (m.distributed()) {
        v.run().history().mapRunFailed(v.strand.cursor(), e.error(), e.cause());
      }
      throw e;
    }
  }

  private static JsonNode items(MapState m, JsonNode effective, Visit v) {
    JsonNode items;
    if (m.items() instanceof MapState.Items.Path p) {
      items = JsonPathIo.read(p.path(), effective, v);
    } else if (m.items() instanceof MapState.Items.Jsonata j) {
      items = Fields.jsonata(j.template(), v.input, v, null);
    } else {
      items = v.input;
    }
    if (!items.isArray()) {
      if (m.items() instanceof MapState.Items.Path p) {
        // AWS's text (recorded by TestState): the path as read, "$$" shown as "$"
        String path = p.path().text().startsWith("$$") ? p.path().text().substring(1)
            : p.path().text();
        throw new StatesError(ErrorNames.RUNTIME,
            "Reference path \"" + path + "\" must point to array.");
      }
      throw v.evaluationFailed(null, "Map state input must be an array but was: "
          + (items.isTextual() ? "\"" + items.asText() + "\"" : Json.text(items)));
    }
    if (m.items() instanceof MapState.Items.Path) {
      v.inspect("afterItemsPath", items);
    }
    return items;
  }

  /** An iteration's input: its item, or what the ItemSelector makes of it. */
  private static JsonNode iterationInput(Visit v, MapState m, JsonNode effective, int index,
      JsonNode item) {
    if (m.itemSelector() == null) {
      return item;
    }
    v.mapIndex = index;
    v.mapValue = item;
    try {
      return m.itemSelector() instanceof MapState.ItemSelector.Template t
          ? t.template().apply(effective, v)
          : Fields.jsonata(((MapState.ItemSelector.Jsonata) m.itemSelector()).template(),
              v.input, v, null);
    } finally {
      v.mapIndex = -1;
      v.mapValue = null;
    }
  }

  /**
   * Starts iterations up to the limit, or finishes when every item is done. A redriven visit
   * reuses the outputs of the iterations that succeeded and continues the others where they stood.
   */
  private static JsonNode admit(Visit v, MapState m, Work w) {
    while (w.started < w.items.size() && w.children.running() < w.limit) {
      int i = w.started++;
      Resume.Child redriven = w.redriven == null ? null : w.redriven.child(i);
      if (redriven instanceof Resume.Child.Done done) {
        w.outputs[i] = done.output();
        w.succeeded[i] = true;
        w.ended++;
        continue;
      }
      JsonNode input = w.batched ? w.items.get(i)
          : iterationInput(v, m, w.effective, i, w.items.get(i));
      Cursor start = new Cursor(v.strand.cursor().last(), !m.distributed());
      v.run().history().mapIteration(start, EventType.MAP_ITERATION_STARTED, m.name(), i);
      Resume from = redriven instanceof Resume.Child.Again again ? again.from() : null;
      w.strands[i] = from != null
          ? w.children.resume(m.processor(), from, i, start.last(), !m.distributed())
          : w.children.start(m.processor(), input, i, start.last(), !m.distributed());
    }
    if (w.children.running() > 0) {
      return null;
    }
    HistoryRecorder history = v.run().history();
    Cursor cursor = v.strand.cursor();
    if (m.distributed()) {
      w.lastIterationEnd = history.record(cursor, EventType.MAP_RUN_SUCCEEDED);
    }
    cursor.moveTo(w.lastIterationEnd);
    history.record(cursor, EventType.MAP_STATE_SUCCEEDED);
    cursor.moveTo(w.lastIterationEnd);
    ArrayNode results = Json.NODES.arrayNode(w.outputs.length);
    for (JsonNode out : w.outputs) {
      results.add(out);
    }
    return results;
  }

  @Override
  JsonNode resume(Visit v, Attempts a) {
    MapState m = (MapState) v.state;
    Work w = (Work) a.work;
    HistoryRecorder history = v.run().history();
    for (Children.Ended e = w.children.next(); e != null; e = w.children.next()) {
      Strand child = e.strand();
      long innerLast = child.cursor().last();
      w.ended++;
      if (e.error() == null) {
        long id = history.mapIteration(child.cursor(), EventType.MAP_ITERATION_SUCCEEDED,
            m.name(), child.index);
        if (!m.distributed()) {
          w.lastIterationEnd = id;
        }
        w.outputs[child.index] = e.output();
        w.succeeded[child.index] = true;
      } else {
        innerLast = Children.failed(child);
        history.mapIteration(new Cursor(innerLast, child.cursor().recorded()),
            EventType.MAP_ITERATION_FAILED, m.name(), child.index);
        v.strand.cursor().moveTo(innerLast);
        w.failures++;
        if (!tolerated(m, w)) {
          abortRunning(v, m, w);
          a.childFailed = true;
          if (m.distributed()) {
            history.record(v.strand.cursor(), EventType.MAP_RUN_FAILED);
            throw new StatesError("States.ExceedToleratedFailureThreshold",
                "The specified tolerated failure threshold was exceeded");
          }
          throw e.error();
        }
        ObjectNode errorOutput = Json.object();
        errorOutput.put("Error", e.error().error());
        if (e.error().cause() != null) {
          errorOutput.put("Cause", e.error().cause());
        }
        w.outputs[child.index] = errorOutput;
      }
      v.strand.cursor().moveTo(innerLast);
    }
    return admit(v, m, w);
  }

  /** Each item: done with its output, or to run again from where its iteration stood. */
  @Override
  List<Resume.Child> progress(Visit v) {
    if (!(v.work instanceof Attempts a) || !(a.work instanceof Work w)) {
      return List.of();
    }
    List<Resume.Child> children = new ArrayList<>(w.outputs.length);
    for (int i = 0; i < w.outputs.length; i++) {
      children.add(w.succeeded[i] ? new Resume.Child.Done(w.outputs[i])
          : new Resume.Child.Again(w.strands[i] == null ? null : Resume.of(w.strands[i])));
    }
    return children;
  }

  @Override
  void abortWork(Visit v, Attempts a) {
    abortRunning(v, (MapState) v.state, (Work) a.work);
  }

  /** Stops the running iterations: their states are aborted, then MapIterationAborted. */
  private static void abortRunning(Visit v, MapState m, Work w) {
    w.children.abortRunning(child -> v.run().history().mapIteration(child.cursor(),
        EventType.MAP_ITERATION_ABORTED, m.name(), child.index));
  }

  private static boolean tolerated(MapState m, Work w) {
    return tolerated(m, w.failures, w.items.size(), w.toleratedCount, w.toleratedPercentage);
  }

  /** Only a distributed Map tolerates failures (ToleratedFailureCount/Percentage). */
  static boolean tolerated(MapState m, int failures, int iterations, Integer count,
      Double percentage) {
    return m.distributed() && (count != null && failures <= count
        || percentage != null && failures * 100.0 / iterations <= percentage);
  }

  @Override
  void failed(Visit v) {
    v.run().history().record(v.strand.cursor(), EventType.MAP_STATE_FAILED);
  }
}
