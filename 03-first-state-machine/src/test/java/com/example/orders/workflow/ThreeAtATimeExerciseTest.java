package com.example.orders.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.orders.workflow.FanOutTest.Iteration;
import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.ExecutionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Exercise 03 (fan-out), solution: five items behind the 200 ms warehouse (SlowWarehouse).
 * MaxConcurrency 3: three reservations start with the Map, the fourth and fifth each start when one
 * ends, so two rounds: at least 2 x 200 ms. MaxConcurrency 0 is no limit, not "one at a time": all
 * five start with the Map. On both files. Runs with {@code -Pexercises} (see the lesson README).
 */
@Tag("exercise")
class ThreeAtATimeExerciseTest {
  static final String FIVE_ITEMS = """
      {"version": "0", "id": "e-1006", "detail-type": "OrderPlaced", "source": "workshop.shop",
       "account": "123456789012", "time": "2026-11-27T11:30:00Z", "region": "eu-central-1", "resources": [],
       "detail": {"orderId": "ord-1006", "customerId": "cust-42",
                  "items": [{"sku": "BOOK-42", "quantity": 1, "unitPrice": 12.50},
                            {"sku": "MUG-7", "quantity": 1, "unitPrice": 9.90},
                            {"sku": "PEN-3", "quantity": 10, "unitPrice": 1.20},
                            {"sku": "LAMP-9", "quantity": 1, "unitPrice": 49.00},
                            {"sku": "DESK-1", "quantity": 1, "unitPrice": 199.00}],
                  "shipTo": {"name": "Mina Park", "city": "Berlin", "country": "DE"}}}""";

  /** The Map of one run: its iterations and the instant it started. */
  record MapRun(Execution run, List<Iteration> iterations, Instant start) {}

  /** The five-item order through {@code workflow} with the Map's MaxConcurrency set to {@code limit}. */
  static MapRun fiveItems(Workflow workflow, int limit) {
    Execution run = FanOutTest.SLOW_WAREHOUSE.start(workflow.withMaxConcurrency(limit), FIVE_ITEMS);
    assertEquals(ExecutionStatus.SUCCEEDED, run.status(), run.historyTable());
    List<Iteration> iterations = FanOutTest.iterations(run);
    assertEquals(5, iterations.size(), run.historyTable());
    return new MapRun(run, iterations, FanOutTest.at(run, "MapStateStarted"));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Workflow.class)
  @DisplayName("MaxConcurrency 3, five items: three start with the Map, two wait for a free slot: two rounds")
  void threeAtATime(Workflow workflow) {
    MapRun map = fiveItems(workflow, 3);

    String history = map.run().historyTable();
    assertEquals(3, FanOutTest.mostAtOnce(map.iterations()), history);
    assertEquals(3, map.iterations().stream().filter(it -> it.start().equals(map.start())).count(), history);
    Duration took = Duration.between(map.start(), FanOutTest.at(map.run(), "MapStateSucceeded"));
    assertTrue(took.toMillis() >= 2 * SlowWarehouse.MILLIS, took.toMillis() + " ms\n" + history);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Workflow.class)
  @DisplayName("MaxConcurrency 0 is no limit: all five reservations start with the Map")
  void zeroIsNoLimit(Workflow workflow) {
    MapRun map = fiveItems(workflow, 0);

    assertEquals(5, FanOutTest.mostAtOnce(map.iterations()), map.run().historyTable());
    assertTrue(map.iterations().stream().allMatch(it -> it.start().equals(map.start())), map.run().historyTable());
  }
}
