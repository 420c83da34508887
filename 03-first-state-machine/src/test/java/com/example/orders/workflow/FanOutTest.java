package com.example.orders.workflow;

import static com.example.orders.workflow.JsonAssert.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.ExecutionStatus;
import com.example.workshop.runtime.sfn.HistoryEvent;
import com.example.workshop.runtime.sfn.LocalStepFunctions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ReserveInventory Map: one reservation per item, MaxConcurrency at a time. With a warehouse
 * that needs 200 ms per request (SlowWarehouse), the four items of
 * events/order-placed-four-items.json show how MaxConcurrency shapes the time the Map takes, in
 * virtual time: the history's timestamps, as AWS would record them.
 */
class FanOutTest {

  /** Every function bound as template.yaml says, except ReserveInventory: behind the slow warehouse. */
  static final LocalStepFunctions SLOW_WAREHOUSE = OrderWorkflowTest.builder()
      .function("ReserveInventoryFunctionArn", "com.example.orders.workflow.SlowWarehouse::handleRequest")
      .build();

  /** One iteration of the Map, from its MapIterationStarted to its MapIterationSucceeded event. */
  record Iteration(int index, Instant start, Instant end) {}

  static Stream<Arguments> limits() {
    return Stream.of(Workflow.values()).flatMap(w -> Stream.of(1, 2, 4).map(limit -> Arguments.of(w, limit)));
  }

  @ParameterizedTest(name = "{0}, MaxConcurrency {1}")
  @MethodSource("limits")
  @DisplayName("MaxConcurrency N: the items are reserved N at a time, the next one as soon as one is done,"
      + " so four items of 200 ms take at least ceil(4 / N) x 200 ms")
  void maxConcurrencyShapesTheTime(Workflow workflow, int limit) throws Exception {
    Execution run = SLOW_WAREHOUSE.start(workflow.withMaxConcurrency(limit),
        Files.readString(Path.of("events/order-placed-four-items.json")));
    assertEquals(ExecutionStatus.SUCCEEDED, run.status(), run.historyTable());

    List<Iteration> iterations = iterations(run);
    assertEquals(4, iterations.size(), run.historyTable());
    assertEquals(limit, mostAtOnce(iterations), "iterations running at the same time\n" + run.historyTable());
    Instant mapStart = at(run, "MapStateStarted");
    for (Iteration it : iterations) {
      boolean waitedForASlot = iterations.stream().anyMatch(other -> other.end().equals(it.start()));
      assertTrue(it.start().equals(mapStart) || waitedForASlot,
          "iteration " + it.index() + " started at " + it.start() + ", neither with the Map nor when another ended\n"
              + run.historyTable());
    }
    Duration took = Duration.between(mapStart, at(run, "MapStateSucceeded"));
    long waves = (4 + limit - 1) / limit;
    assertTrue(took.toMillis() >= waves * SlowWarehouse.MILLIS,
        "MaxConcurrency " + limit + ": " + waves + " rounds of " + SlowWarehouse.MILLIS + " ms, but the Map took "
            + took.toMillis() + " ms\n" + run.historyTable());
    System.out.printf("%s, MaxConcurrency %d: the Map took %d ms of virtual time%n", workflow, limit, took.toMillis());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Workflow.class)
  @DisplayName("the Map's results come back in the items' order, whichever reservation finished first")
  void resultsKeepTheItemsOrder(Workflow workflow) throws Exception {
    Execution run = SLOW_WAREHOUSE.start(workflow.machine(),
        Files.readString(Path.of("events/order-placed-four-items.json")));
    assertEquals(ExecutionStatus.SUCCEEDED, run.status(), run.historyTable());
    List<String> ids = new ArrayList<>();
    json(run.output()).path("reservationIds").forEach(id -> ids.add(id.asText()));
    assertEquals(List.of("res-ord-1005-BOOK-42", "res-ord-1005-MUG-7", "res-ord-1005-PEN-3", "res-ord-1005-LAMP-9"),
        ids);
  }

  static List<Iteration> iterations(Execution run) {
    TreeMap<Integer, Instant> starts = new TreeMap<>();
    TreeMap<Integer, Instant> ends = new TreeMap<>();
    for (HistoryEvent e : run.history()) {
      int index = e.details() == null ? -1 : e.details().path("index").asInt(-1);
      if (e.type().equals("MapIterationStarted")) {
        starts.put(index, e.timestamp());
      } else if (e.type().equals("MapIterationSucceeded")) {
        ends.put(index, e.timestamp());
      }
    }
    assertEquals(starts.keySet(), ends.keySet(), run.historyTable());
    return starts.keySet().stream().map(i -> new Iteration(i, starts.get(i), ends.get(i))).toList();
  }

  /** The largest number of iterations running at one instant (one that ends at t no longer runs at t). */
  static int mostAtOnce(List<Iteration> iterations) {
    int most = 0;
    for (Iteration it : iterations) {
      Instant t = it.start();
      int running = (int) iterations.stream().filter(o -> !o.start().isAfter(t) && o.end().isAfter(t)).count();
      most = Math.max(most, running);
    }
    return most;
  }

  static Instant at(Execution run, String type) {
    return run.history().stream().filter(e -> e.type().equals(type)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + "\n" + run.historyTable())).timestamp();
  }
}
