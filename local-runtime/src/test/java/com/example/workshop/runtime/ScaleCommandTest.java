package com.example.workshop.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code scale} subcommand, driven through Main.run as the jar's users drive it. */
class ScaleCommandTest {
  private static final String F = "com.example.workshop.runtime.lambda.fixtures.Fixtures$";
  private static final String RECORD = "{\"messageId\":\"m-1\",\"body\":\"{\\\"orderId\\\":\\\"o-1\\\"}\","
      + "\"eventSource\":\"aws:sqs\",\"eventSourceARN\":\"arn:aws:sqs:us-east-1:123456789012:orders\"}";
  private static final String SQS_EVENT = "{\"Records\":[" + RECORD + "]}";
  private static final String TIMINGS = "{\"coldStarts\":[{\"initMs\":400,\"invokeMs\":120}],\"warmMs\":[8,10,12]}";

  @TempDir Path dir;

  private record Result(int exit, String out, String err) {}

  private Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private String file(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p.toString();
  }

  /** scale with saved timings (nothing measured), plus {@code more} options. */
  private Result replay(String event, String... more) throws Exception {
    List<String> args = new ArrayList<>(List.of("scale", "--event", file("event.json", event), "--timings",
        file("timings.json", TIMINGS)));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "--rate|0|--rate must be a positive number of events per second, got '0'",
      "--rate|-5|--rate must be a positive number",
      "--rate|fast|--rate must be a positive number",
      "--account-concurrency|0|--account-concurrency must be a positive whole number, got '0'",
      "--reserved-concurrency|-1|--reserved-concurrency",
      "--maximum-concurrency|0|--maximum-concurrency",
      "--maximum-concurrency|1|--maximum-concurrency",
      "--batch-size|0|--batch-size",
      "--count|0|--count must be between 1 and 1000000, got 0",
      "--count|2000000|--count must be between 1 and 1000000",
      "--seed|abc|--seed must be a whole number, got 'abc'",
      "--seed|1.5|--seed must be a whole number",
      "--memory|64|--memory",
      "--batching-window|301|--batching-window"})
  @DisplayName("a bad number: one line naming the option, exit 2")
  void badNumber(String option, String value, String expected) throws Exception {
    assertUsageError(replay(SQS_EVENT, option, value), expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "an order, not a batch|{\"orderId\":\"o-1\"}|is not a batch",
      "an empty array|[]|is an empty array: nothing to replay",
      "no records|{\"Records\":[]}|is not a batch",
      "an S3 event|{\"Records\":[{\"eventSource\":\"aws:s3\"}]}|Records[0] is not an SQS message",
      "a FIFO queue|{\"Records\":[{\"eventSource\":\"aws:sqs\",\"eventSourceARN\":\"arn:aws:sqs:us-east-1:1:o.fifo\"}]}"
          + "|comes from a FIFO queue",
      "broken JSON|{\"Records\": [|is not valid JSON (line 1"})
  @DisplayName("an event file that is not a batch: one line naming the file, exit 2")
  void notABatch(String what, String event, String expected) throws Exception {
    Result r = replay(event);
    assertUsageError(r, expected);
    assertTrue(r.err().contains("event.json"), r.err());
  }

  @Test
  @DisplayName("SQS-only options on an array of synchronous events: one line, exit 2")
  void sqsOptionOnSynchronousEvents() throws Exception {
    assertUsageError(replay("[{\"orderId\":\"o-1\"}]", "--batch-size", "5"),
        "--batch-size applies to an SQS event");
  }

  @Test
  @DisplayName("a batch size over 10 without a batching window: CreateEventSourceMapping's answer, exit 2")
  void batchSizeNeedsWindow() throws Exception {
    assertUsageError(replay(SQS_EVENT, "--batch-size", "100"),
        "--batching-window: Maximum batch window in seconds must be greater than 0");
  }

  @Test
  @DisplayName("a visibility timeout shorter than the function's timeout: exit 2")
  void visibilityBelowTimeout() throws Exception {
    assertUsageError(replay(SQS_EVENT, "--timeout", "60"),
        "Queue visibility timeout: 30 seconds is less than Function timeout: 60 seconds");
  }

  @Test
  @DisplayName("a broken timings file: one line, exit 2")
  void badTimings() throws Exception {
    Result r = run("scale", "--event", file("event.json", SQS_EVENT), "--timings",
        file("timings.json", "{\"coldStarts\":[],\"warmMs\":[5]}"));
    assertUsageError(r, "timings file");
  }

  @Test
  @DisplayName("a burst through an SQS queue with reserved concurrency: the report, and 429s counted")
  void sqsBurst() throws Exception {
    Result r = replay(SQS_EVENT, "--count", "1000", "--reserved-concurrency", "5", "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertEquals("sqs", report.get("source").asText());
    assertEquals(1000, report.get("completed").asInt());
    assertEquals(5, report.get("environmentsCreated").asInt());
    assertEquals(5, report.get("peakConcurrency").asInt());
    assertTrue(report.at("/throttles/RESERVED_CONCURRENCY").asInt() > 0, r.out());
    assertEquals(400, report.at("/measured/coldStarts/0/initMs").asDouble());
  }

  @Test
  @DisplayName("the text report counts throttles by reason: \"N over reserved concurrency\"")
  void throttleReasonsInText() throws Exception {
    Result r = replay(SQS_EVENT, "--count", "1000", "--reserved-concurrency", "5", "--json");
    int throttled = new ObjectMapper().readTree(r.out()).at("/throttles/RESERVED_CONCURRENCY").asInt();
    Result text = replay(SQS_EVENT, "--count", "1000", "--reserved-concurrency", "5");
    assertEquals(0, text.exit(), text.err());
    assertTrue(text.out().contains("(TooManyRequestsException, 429: " + throttled + " over reserved concurrency)"),
        text.out());
  }

  @Test
  @DisplayName("the same seed gives the same report, line for line")
  void deterministic() throws Exception {
    Result first = replay(SQS_EVENT, "--count", "300", "--reserved-concurrency", "5", "--seed", "42", "--timeline");
    Result second = replay(SQS_EVENT, "--count", "300", "--reserved-concurrency", "5", "--seed", "42", "--timeline");
    assertEquals(0, first.exit(), first.err());
    assertEquals(first.out(), second.out());
    assertTrue(first.out().contains("second  batches  concurrency"), first.out());
  }

  @Test
  @DisplayName("measuring a handler for real: cold starts in JVMs of their own, then the replay")
  void measures() throws Exception {
    Path timings = dir.resolve("measured.json");
    Result r = run("scale", "--handler", F + "Greeter", "--event", file("events.json", "[{\"orderId\":\"o-1\"}]"),
        "--count", "50", "--cold-starts", "1", "--warm-invocations", "3", "--save-timings", timings.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("1 cold starts: init duration"), r.out());
    assertTrue(r.out().contains("Replayed 50 synchronous invocations, sent all at once"), r.out());
    assertTrue(r.out().contains("environments created"), r.out());
    JsonNode saved = new ObjectMapper().readTree(timings.toFile());
    assertEquals(1, saved.get("coldStarts").size());
    assertEquals(3, saved.get("warmMs").size());
  }

  @Test
  @DisplayName("a handler that fails while being measured: its error, exit 1")
  void failingHandler() throws Exception {
    Result r = run("scale", "--handler", F + "Rejecting", "--event", file("events.json", "[{\"orderId\":\"42\"}]"),
        "--cold-starts", "1", "--warm-invocations", "1");
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.out().contains("order 42 rejected"), r.out());
    assertTrue(r.err().contains("the handler failed while being measured"), r.err());
  }

  /** Exit 2 and exactly one error line on stderr, containing {@code expected}, no stack trace. */
  private static void assertUsageError(Result r, String expected) {
    assertEquals(2, r.exit(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("error: ") && r.err().contains(expected), r.err());
    assertFalse(r.err().contains("\tat ") || r.err().contains("java.") || r.err().contains("picocli."), r.err());
  }
}
