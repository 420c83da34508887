package com.example.workshop.runtime.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.runtime.lambda.fixtures.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LocalLambdaTest {
  private static final String F = "com.example.workshop.runtime.lambda.fixtures.Fixtures$";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  private final PrintStream logs = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

  private String logs() {
    return logBytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("a thrown nested custom exception becomes {errorMessage, errorType with $, stackTrace} and no cause")
  void errorDocumentOfNestedCustomException() throws Exception {
    Invocation result = LocalLambda.builder(F + "Rejecting").logSink(logs).build().invoke("{\"orderId\":\"42\"}");

    assertTrue(result.failed());
    assertEquals(Fixtures.OrderRejectedException.class.getName(), result.errorType());
    assertEquals("com.example.workshop.runtime.lambda.fixtures.Fixtures$OrderRejectedException", result.errorType());
    JsonNode doc = JSON.readTree(result.payload());
    List<String> fields = new ArrayList<>();
    doc.fieldNames().forEachRemaining(fields::add);
    assertEquals(List.of("errorMessage", "errorType", "stackTrace"), fields);
    assertEquals("order 42 rejected", doc.get("errorMessage").asText());
    assertEquals(result.errorType(), doc.get("errorType").asText());
    assertTrue(doc.get("stackTrace").get(0).asText()
        .startsWith("com.example.workshop.runtime.lambda.fixtures.Fixtures$Rejecting.handleRequest(Fixtures.java:"),
        doc.toString());
    for (Iterator<JsonNode> it = doc.get("stackTrace").elements(); it.hasNext(); ) {
      String frame = it.next().asText();
      assertFalse(frame.contains("LocalLambda") || frame.contains("ExecutionEnvironment"), frame);
    }
    assertFalse(result.payload().contains("credit limit exceeded"), "the cause stays out of the document");
    assertTrue(logs().contains("Caused by: java.lang.IllegalStateException: credit limit exceeded"),
        "the full chain is logged, as CloudWatch shows it");
  }

  @Test
  @DisplayName("an exception without a message reports its class name as errorMessage")
  void messageDefaultsToClassName() throws Exception {
    Invocation result = LocalLambda.builder(F + "Silent").logSink(logs).build().invoke("{}");
    JsonNode doc = JSON.readTree(result.payload());
    assertEquals("java.lang.UnsupportedOperationException", doc.get("errorMessage").asText());
    assertEquals("java.lang.UnsupportedOperationException", result.errorType());
  }

  @Test
  @DisplayName("a handler running past its timeout ends with Task timed out after N.NN seconds, and the environment is replaced")
  void timeout() throws Exception {
    LocalLambda fn = LocalLambda.builder(F + "Sleeper").timeout(Duration.ofSeconds(1)).logSink(logs).build();
    int constructedBefore = Fixtures.Sleeper.CONSTRUCTED.get();

    Invocation result = fn.invoke("{\"sleepMs\":20000}");

    assertEquals("Sandbox.Timedout", result.errorType());
    JsonNode doc = JSON.readTree(result.payload());
    assertEquals("RequestId: " + result.requestId() + " Error: Task timed out after 1.00 seconds",
        doc.get("errorMessage").asText());
    assertTrue(result.report().timedOut());
    assertEquals(1000.0, result.report().durationMs());
    assertTrue(result.report().toLogLine().endsWith("Status: timeout"));
    assertTrue(logs().contains(result.requestId() + " Task timed out after 1.00 seconds"), logs());

    Invocation next = fn.invoke("{\"sleepMs\":0}");
    assertFalse(next.failed(), next.payload());
    assertEquals("\"woke up\"", next.payload());
    assertNotNull(next.report().initDurationMs(), "after a timeout the next invocation is a cold start");
    assertEquals(constructedBefore + 2, Fixtures.Sleeper.CONSTRUCTED.get());
  }

  @Test
  @DisplayName("the first invocation is a cold start with Init Duration; later ones reuse the same instance")
  void coldThenWarm() throws Exception {
    LocalLambda fn = LocalLambda.builder(F + "Greeter").logSink(logs).build();
    int constructedBefore = Fixtures.Greeter.CONSTRUCTED.get();

    Invocation first = fn.invoke("{\"orderId\":\"o-1\"}");
    Invocation second = fn.invoke("{\"orderId\":\"o-2\"}");

    assertNotNull(first.report().initDurationMs());
    assertNull(second.report().initDurationMs());
    assertTrue(first.report().toLogLine().contains("Init Duration: "));
    assertFalse(second.report().toLogLine().contains("Init Duration"));
    assertEquals(1, JSON.readTree(first.payload()).get("callsOnThisInstance").asInt());
    assertEquals(2, JSON.readTree(second.payload()).get("callsOnThisInstance").asInt());
    assertEquals(constructedBefore + 1, Fixtures.Greeter.CONSTRUCTED.get());
    assertEquals(Report.billedMs(first.report().durationMs(), first.report().initDurationMs()),
        first.report().billedDurationMs());
    assertTrue(first.report().billedDurationMs() >= Math.ceil(first.report().initDurationMs()));
    assertEquals((long) Math.ceil(second.report().durationMs() - 1e-9), second.report().billedDurationMs());
  }

  @Test
  @DisplayName("START, END, REPORT and COST lines go to the log sink, not to the payload")
  void lifecycleLines() {
    Invocation result = LocalLambda.builder(F + "Greeter").memoryMb(512).logSink(logs).build().invoke("{}");
    String id = result.requestId();
    String[] lines = logs().split("\\R");
    assertEquals("START RequestId: " + id + " Version: $LATEST", lines[0]);
    assertEquals("END RequestId: " + id, lines[lines.length - 3]);
    assertEquals(result.report().toLogLine(), lines[lines.length - 2]);
    assertTrue(lines[lines.length - 1].startsWith("COST RequestId: " + id), lines[lines.length - 1]);
    assertEquals(512, result.report().memorySizeMb());
    assertTrue(result.report().maxMemoryUsedMb() > 0 && result.report().maxMemoryUsedMb() <= 512);
  }

  @Test
  @DisplayName("concurrent invocations get separate environments, each with its own cold start")
  void concurrentInvocationsColdStartSeparately() {
    LocalLambda fn = LocalLambda.builder(F + "Sleeper").logSink(logs).build();
    CompletableFuture<Invocation> a = CompletableFuture.supplyAsync(() -> fn.invoke("{\"sleepMs\":400}"));
    CompletableFuture<Invocation> b = CompletableFuture.supplyAsync(() -> fn.invoke("{\"sleepMs\":400}"));
    assertNotNull(a.join().report().initDurationMs());
    assertNotNull(b.join().report().initDurationMs());
    assertNull(fn.invoke("{\"sleepMs\":0}").report().initDurationMs(), "an idle environment is reused");
  }

  @Test
  @DisplayName("the Context carries request id, function name and ARN, version, memory, a countdown and a logger")
  void contextIsFilledIn() throws Exception {
    LocalLambda fn = LocalLambda.builder(F + "ContextProbe").functionName("order-probe").memoryMb(256)
        .timeout(Duration.ofSeconds(5)).region("eu-west-1").accountId("111122223333").logSink(logs).build();
    Invocation result = fn.invoke("{\"orderId\":\"o-9\"}");
    JsonNode ctx = JSON.readTree(result.payload());
    assertEquals(result.requestId(), ctx.get("requestId").asText());
    assertEquals("order-probe", ctx.get("functionName").asText());
    assertEquals("arn:aws:lambda:eu-west-1:111122223333:function:order-probe", ctx.get("arn").asText());
    assertEquals("$LATEST", ctx.get("version").asText());
    assertEquals(256, ctx.get("memory").asInt());
    int remaining = ctx.get("remaining").asInt();
    assertTrue(remaining > 0 && remaining <= 5000, "remaining " + remaining);
    assertEquals("/aws/lambda/order-probe", ctx.get("logGroup").asText());
    assertTrue(logs().contains("probing order o-9"), logs());
  }

  @Test
  @DisplayName("a failing static initialiser is an init error: Error loading class ..., java.lang.ExceptionInInitializerError")
  void initError() throws Exception {
    Invocation result = LocalLambda.builder(F + "BrokenStatic").logSink(logs).build().invoke("{}");
    assertEquals("java.lang.ExceptionInInitializerError", result.errorType());
    assertEquals("Error loading class " + F + "BrokenStatic",
        JSON.readTree(result.payload()).get("errorMessage").asText());
  }

  @Test
  @DisplayName("a throwing constructor fails the invocation with the constructor's exception")
  void constructorError() throws Exception {
    Invocation result = LocalLambda.builder(F + "BrokenConstructor").logSink(logs).build().invoke("{}");
    assertEquals("java.lang.IllegalStateException", result.errorType());
    assertEquals("ORDERS_TABLE is not set", JSON.readTree(result.payload()).get("errorMessage").asText());
  }

  @Test
  @DisplayName("an event that is not JSON is rejected before the function runs")
  void invalidEvent() {
    LocalLambda fn = LocalLambda.builder(F + "Greeter").logSink(logs).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fn.invoke("{orderId: "));
    assertTrue(e.getMessage().startsWith("event is not valid JSON"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> fn.invoke("{\"orderId\":\"o-1\"} {}"));
    assertTrue(e.getMessage().startsWith("event is not valid JSON"), e.getMessage());
    assertEquals("", logs());
  }

  @Test
  @DisplayName("a bracket closed wrongly is reported with lines and columns, not the parser's settings")
  void mismatchedBracket() {
    LocalLambda fn = LocalLambda.builder(F + "Greeter").logSink(logs).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fn.invoke("{\"items\":[1}"));
    assertEquals("event is not valid JSON: Unexpected close marker '}': expected ']' (for Array starting at line 1,"
        + " column 10) (line 1, column 12)", e.getMessage());
  }

  @Test
  @DisplayName("memory and timeout are limited to what Lambda allows")
  void limits() {
    LocalLambda.Builder b = LocalLambda.builder(F + "Greeter");
    assertThrows(IllegalArgumentException.class, () -> b.memoryMb(64));
    assertThrows(IllegalArgumentException.class, () -> b.memoryMb(10241));
    assertThrows(IllegalArgumentException.class, () -> b.timeout(Duration.ofMillis(500)));
    assertThrows(IllegalArgumentException.class, () -> b.timeout(Duration.ofSeconds(901)));
    assertThrows(IllegalArgumentException.class, () -> b.functionName("orders api"));
  }

  @Test
  @DisplayName("events nested 5,000 deep or 6 MB large are checked without a crash; over 6 MB is Lambda's limit")
  void eventLimits() {
    LocalLambda fn = LocalLambda.builder(F + "Greeter").logSink(logs).build();
    String deep = "[".repeat(5000) + "]".repeat(5000);
    Invocation deepOne = fn.invoke(deep); // reaches the runtime, whose serializer rejects it, as on Lambda
    assertEquals("Runtime.UserException", deepOne.functionError(), deepOne.payload());
    assertTrue(deepOne.payload().startsWith("{\"errorMessage\":\"An error occurred during JSON parsing\""),
        deepOne.payload());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LocalLambda.checkEvent("\"" + "x".repeat(6_291_456) + "\""));
    assertTrue(e.getMessage().contains("(limit 6291456 bytes)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> LocalLambda.checkEvent("[".repeat(5000)));
    assertTrue(e.getMessage().startsWith("event is not valid JSON"), e.getMessage());
  }

  @Test
  @DisplayName("in a JVM of its own, the environment stays warm between invocations and keeps its instance")
  void processIsolationWarmStart() throws Exception {
    LocalLambda fn = LocalLambda.builder(F + "Greeter").isolation(Isolation.PROCESS).logSink(logs).build();
    try {
      Invocation first = fn.invoke("{\"orderId\":\"o-1\"}");
      Invocation second = fn.invoke("{\"orderId\":\"o-2\"}");
      assertEquals("{\"statusCode\":200,\"orderId\":\"o-1\",\"callsOnThisInstance\":1}", first.payload());
      assertEquals("{\"statusCode\":200,\"orderId\":\"o-2\",\"callsOnThisInstance\":2}", second.payload());
      assertNotNull(first.report().initDurationMs());
      assertNull(second.report().initDurationMs());
    } finally {
      fn.close();
    }
  }
}
