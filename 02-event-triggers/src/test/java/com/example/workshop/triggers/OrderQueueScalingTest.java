package com.example.workshop.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.runtime.lambda.LocalLambda;
import com.example.workshop.runtime.scaling.HandlerTimings;
import com.example.workshop.runtime.scaling.ScalingReplay;
import com.example.workshop.runtime.scaling.ScalingReport;
import com.example.workshop.runtime.scaling.SqsEventSource;
import com.example.workshop.runtime.scaling.ThrottleReason;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A burst of 1,000 orders on the order queue, replayed the way Lambda scales OrderQueueHandler:
 * with template.yaml's settings (1024 MB, 30 s, batch size 10, visibility timeout 180 s,
 * maxReceiveCount 5), then with reserved concurrency 5.
 */
class OrderQueueScalingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int ORDERS = 1000;
  private static List<String> messages;

  @BeforeAll
  static void burst() throws Exception {
    messages = thousandOrders();
  }

  /** 1,000 messages: the fixture's three orders in turn, each with a messageId of its own. */
  static List<String> thousandOrders() throws Exception {
    JsonNode records = JSON.readTree(Path.of("events/sqs-order-batch.json").toFile()).get("Records");
    List<String> burst = new ArrayList<>();
    for (int i = 0; i < ORDERS; i++) {
      ObjectNode message = records.get(i % records.size()).deepCopy();
      message.put("messageId", "order-" + i);
      burst.add(message.toString());
    }
    return burst;
  }

  /** The order queue's event source mapping as template.yaml sets it up. */
  static SqsEventSource.Builder orderQueue() {
    return SqsEventSource.builder()
        .batchSize(10)
        .visibilityTimeout(Duration.ofSeconds(180))
        .maxReceiveCount(5);
  }

  /** OrderQueueHandler as template.yaml deploys it, polling the order queue. */
  static ScalingReplay.Builder orderQueueFunction() {
    return ScalingReplay.builder()
        .memoryMb(1024)
        .timeout(Duration.ofSeconds(30))
        .seed(7)
        .sqs(orderQueue().build());
  }

  @Test
  @DisplayName("the real handler, measured: every order is processed, with or without a limit")
  void measuredHandler() {
    HandlerTimings timings =
        HandlerTimings.measure(
            LocalLambda.builder(
                    "com.example.workshop.triggers.OrderQueueHandler::handleRequest")
                .memoryMb(1024)
                .timeout(Duration.ofSeconds(30))
                .logSink(new PrintStream(OutputStream.nullOutputStream())),
            List.of(batchOf(10)),
            2,
            10);

    ScalingReport free = orderQueueFunction().build().replay(messages, timings);
    ScalingReport limited =
        orderQueueFunction().reservedConcurrency(5).build().replay(messages, timings);

    assertEquals(ORDERS, free.completed(), free.toText());
    assertEquals(0, free.totalThrottles(), free.toText());
    assertEquals(ORDERS, limited.completed(), limited.toText());
    assertEquals(0, limited.deadLettered(), limited.toText());
    assertTrue(limited.environmentsCreated() <= 5, limited.toText());
    assertTrue(limited.peakConcurrency() <= 5, limited.toText());
    assertEquals(
        orderQueueFunction().reservedConcurrency(5).build().replay(messages, timings),
        limited,
        "the same timings and seed give the same report");
  }

  @Test
  @DisplayName("slow cold starts: a burst creates dozens of environments; reserved concurrency 5 "
      + "keeps five, throttles the extra pollers, loses nothing and bills less")
  void reservedConcurrencyFive() {
    // The shape measured for the README: a cold start of seconds, warm batches of milliseconds.
    HandlerTimings timings = HandlerTimings.fixed(2500, 1000, 10);

    ScalingReport free = orderQueueFunction().build().replay(messages, timings);
    ScalingReport limited =
        orderQueueFunction().reservedConcurrency(5).build().replay(messages, timings);

    // 5 pollers at first, one more every 200 ms while messages wait, each on a new environment.
    assertTrue(free.environmentsCreated() > 5, free.toText());
    assertEquals(free.environmentsCreated(), free.coldStarts());
    assertEquals(0, free.totalThrottles());
    assertEquals(100, free.invocations(), "1,000 orders in batches of 10");

    assertEquals(5, limited.environmentsCreated(), limited.toText());
    assertTrue(limited.throttles(ThrottleReason.RESERVED_CONCURRENCY) > 0, limited.toText());
    assertEquals(ORDERS, limited.completed());
    assertEquals(0, limited.receivedMoreThanOnce(), "retried within the 180 s visibility timeout");
    assertEquals(100, limited.invocations(), "a throttled batch is retried, not billed");
    assertTrue(limited.billedGbSeconds() < free.billedGbSeconds(), "fewer cold starts billed");
  }

  /** An SQS event holding the first {@code n} messages, as the poller hands them to the handler. */
  private static String batchOf(int n) {
    return "{\"Records\":[" + String.join(",", messages.subList(0, n)) + "]}";
  }
}
