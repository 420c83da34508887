package com.example.workshop.triggers;

import static com.example.workshop.triggers.OrderQueueScalingTest.ORDERS;
import static com.example.workshop.triggers.OrderQueueScalingTest.orderQueue;
import static com.example.workshop.triggers.OrderQueueScalingTest.orderQueueFunction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.runtime.scaling.HandlerTimings;
import com.example.workshop.runtime.scaling.ScalingReplay;
import com.example.workshop.runtime.scaling.ScalingReport;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise 02 (scaling), solution: the orders database takes five connections. Reserved concurrency
 * 5 keeps OrderQueueHandler on five environments, but the event source mapping keeps adding pollers
 * and Lambda throttles their batches. The mapping's MaximumConcurrency caps the pollers instead: five
 * batches at most, so five environments and no throttle. With reserved concurrency 5 kept as a guard,
 * MaximumConcurrency must not exceed it. Runs with {@code -Pexercises} (see the lesson README).
 */
@Tag("exercise")
class FiveConnectionsExerciseTest {
  /** The README's shape: a cold start of seconds (init 2.5 s, first batch 1 s), warm batches of 10 ms. */
  private static final HandlerTimings TIMINGS = HandlerTimings.fixed(2500, 1000, 10);
  private static List<String> burst;

  @BeforeAll
  static void thousandOrders() throws Exception {
    burst = OrderQueueScalingTest.thousandOrders();
  }

  private static ScalingReport replay(ScalingReplay.Builder function) {
    return function.build().replay(burst, TIMINGS);
  }

  @Test
  @DisplayName("MaximumConcurrency 5 on the event source mapping: five environments, no throttle, nothing lost")
  void maximumConcurrencyFive() {
    ScalingReport reserved = replay(orderQueueFunction().reservedConcurrency(5));
    ScalingReport capped = replay(orderQueueFunction().sqs(orderQueue().maximumConcurrency(5).build()));

    assertEquals(5, reserved.environmentsCreated(), reserved.toText());
    assertTrue(reserved.totalThrottles() > 0, "reserved concurrency alone throttles\n" + reserved.toText());

    assertEquals(5, capped.environmentsCreated(), capped.toText());
    assertEquals(5, capped.peakConcurrency(), capped.toText());
    assertEquals(0, capped.totalThrottles(), capped.toText());
    assertEquals(ORDERS, capped.completed(), capped.toText());
    assertEquals(100, capped.invocations(), "1,000 orders in batches of 10");
    // The same five cold starts and 95 warm batches; a throttle is never billed.
    assertEquals(reserved.billedGbSeconds(), capped.billedGbSeconds(), 1e-9, capped.toText());
  }

  @Test
  @DisplayName("with reserved concurrency 5 as a guard, MaximumConcurrency 5 throttles nothing and 6 does")
  void maximumConcurrencyAtMostTheReservedConcurrency() {
    ScalingReport atTheLimit = replay(
        orderQueueFunction().reservedConcurrency(5).sqs(orderQueue().maximumConcurrency(5).build()));
    ScalingReport oneMore = replay(
        orderQueueFunction().reservedConcurrency(5).sqs(orderQueue().maximumConcurrency(6).build()));

    assertEquals(0, atTheLimit.totalThrottles(), atTheLimit.toText());
    assertEquals(ORDERS, atTheLimit.completed(), atTheLimit.toText());
    assertTrue(oneMore.totalThrottles() > 0, "a sixth batch finds no environment\n" + oneMore.toText());
    assertEquals(ORDERS, oneMore.completed(), "throttled batches are retried, not lost\n" + oneMore.toText());
  }
}
