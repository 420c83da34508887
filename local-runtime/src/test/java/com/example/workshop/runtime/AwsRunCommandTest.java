package com.example.workshop.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.ExecutionStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * aws-run against a stand-in for the Step Functions API on 127.0.0.1 (the AWS JSON 1.0 protocol:
 * POST with X-Amz-Target). The stand-in replays an offline execution's history, so the printed
 * table must equal the offline runner's.
 */
class AwsRunCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SM_ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:orders";

  private HttpServer server;
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Function<JsonNode, Reply>> handlers = new ConcurrentHashMap<>();

  record Reply(int status, String body) {}

  @TempDir Path dir;

  @BeforeAll
  static void credentials() {
    // The default credentials chain reads these system properties first.
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
  }

  @AfterAll
  static void clearCredentials() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange x) throws IOException {
    String target = x.getRequestHeaders().getFirst("X-Amz-Target");
    JsonNode body = JSON.readTree(x.getRequestBody());
    ObjectNode record = JSON.createObjectNode();
    record.put("target", target);
    record.set("body", body);
    requests.add(record);
    String op = target == null ? "" : target.substring(target.indexOf('.') + 1);
    Function<JsonNode, Reply> h = handlers.get(op);
    Reply reply = h != null ? h.apply(body)
        : new Reply(400, "{\"__type\":\"UnknownOperationException\",\"message\":\"" + op + "\"}");
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
    x.sendResponseHeaders(reply.status(), bytes.length);
    x.getResponseBody().write(bytes);
    x.close();
  }

  private String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Serves StartExecution, a RUNNING DescribeExecution first, then the execution's result and history (2 pages). */
  private void replay(Execution ex) throws IOException {
    String arn = "arn:aws:states:us-east-1:123456789012:execution:orders:run-1";
    handlers.put("StartExecution", b -> new Reply(200,
        "{\"executionArn\":\"" + arn + "\",\"startDate\":1767225600.0}"));
    AtomicInteger describes = new AtomicInteger();
    handlers.put("DescribeExecution", b -> {
      ObjectNode d = JSON.createObjectNode();
      d.put("executionArn", arn).put("stateMachineArn", SM_ARN).put("startDate", 1767225600.0);
      if (describes.getAndIncrement() == 0) {
        d.put("status", "RUNNING");
      } else {
        d.put("status", ex.status().name());
        if (ex.output() != null) {
          d.put("output", ex.output());
        }
        if (ex.error() != null) {
          d.put("error", ex.error());
        }
        if (ex.cause() != null) {
          d.put("cause", ex.cause());
        }
      }
      return new Reply(200, d.toString());
    });
    ArrayNode events = (ArrayNode) JSON.readTree(ex.historyJson());
    for (JsonNode e : events) {
      Instant t = Instant.parse(e.get("timestamp").asText());
      ((ObjectNode) e).put("timestamp", new BigDecimal(t.toEpochMilli()).movePointLeft(3));
    }
    int half = events.size() / 2;
    handlers.put("GetExecutionHistory", b -> {
      boolean second = b.has("nextToken");
      ArrayNode page = JSON.createArrayNode();
      for (int i = second ? half : 0; i < (second ? events.size() : half); i++) {
        page.add(events.get(i));
      }
      ObjectNode r = JSON.createObjectNode();
      r.set("events", page);
      if (!second) {
        r.put("nextToken", "page-2");
      }
      return new Reply(200, r.toString());
    });
  }

  private int awsRun(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
    List<String> all = new ArrayList<>(List.of("aws-run"));
    all.addAll(List.of(args));
    return Main.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("starts the execution, waits, and prints the same table and result as the offline run")
  void printsTheOfflineTable() throws IOException {
    String input = "{\"orderId\":\"ord-2\",\"amount\":150,\"items\":[\"BOOK-1\"]}";
    Execution offline = HistoryTableTest.runOffline(input, 1, false);
    assertEquals(ExecutionStatus.SUCCEEDED, offline.status());
    replay(offline);
    Path inputFile = Files.writeString(dir.resolve("order.json"), input);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = awsRun(out, err, "--state-machine-arn", SM_ARN, "--input", inputFile.toString(),
        "--endpoint-url", endpoint(), "--region", "us-east-1");

    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    String expected = offline.historyTable() + "\nstatus: SUCCEEDED\noutput: " + offline.output() + "\n";
    assertEquals(expected, out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("execution: arn:aws:states:"), err.toString());

    JsonNode start = requests.get(0);
    assertEquals("AWSStepFunctions.StartExecution", start.get("target").asText());
    assertEquals(SM_ARN, start.get("body").get("stateMachineArn").asText());
    assertEquals(JSON.readTree(input), JSON.readTree(start.get("body").get("input").asText()));
    long describes = requests.stream().filter(r -> r.get("target").asText().endsWith("DescribeExecution")).count();
    assertEquals(2, describes, "polls until the execution is no longer RUNNING");
    long pages = requests.stream().filter(r -> r.get("target").asText().endsWith("GetExecutionHistory")).count();
    assertEquals(2, pages, "follows nextToken to the end of the history");
  }

  @Test
  @DisplayName("a failed execution prints its error and cause, exit 0 like the offline run")
  void failedExecution() throws IOException {
    Execution offline = HistoryTableTest.runOffline(
        "{\"orderId\":\"ord-3\",\"amount\":150,\"items\":[\"BOOK-1\"]}", 0, true);
    assertEquals(ExecutionStatus.FAILED, offline.status());
    replay(offline);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = awsRun(out, new ByteArrayOutputStream(), "--execution-arn",
        "arn:aws:states:us-east-1:123456789012:execution:orders:run-1", "--endpoint-url", endpoint(),
        "--region", "us-east-1");
    assertEquals(0, code);
    String text = out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    assertTrue(text.startsWith(offline.historyTable()), text);
    assertTrue(text.endsWith("status: FAILED\nerror:  OrderRejected\ncause:  order could not be completed\n"), text);
    assertFalse(requests.stream().anyMatch(r -> r.get("target").asText().endsWith("StartExecution")),
        "--execution-arn shows an execution without starting one");
  }

  @Test
  @DisplayName("an AWS error is one line naming the error code, exit 2")
  void awsErrorIsOneLine() throws IOException {
    handlers.put("StartExecution", b -> new Reply(400,
        "{\"__type\":\"com.amazonaws.swf.service.v2.model#StateMachineDoesNotExist\","
            + "\"message\":\"State Machine Does Not Exist: '" + SM_ARN + "'\"}"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = awsRun(new ByteArrayOutputStream(), err, "--state-machine-arn", SM_ARN,
        "--endpoint-url", endpoint(), "--region", "us-east-1");
    assertEquals(2, code);
    String message = err.toString(StandardCharsets.UTF_8).strip();
    assertEquals(1, message.lines().count(), message);
    assertTrue(message.startsWith("error: AWS Step Functions said StateMachineDoesNotExist: State Machine Does Not Exist"),
        message);
  }

  @Test
  @DisplayName("an execution still running at --timeout ends with exit 1 and how to look later")
  void timeout() {
    handlers.put("StartExecution", b -> new Reply(200,
        "{\"executionArn\":\"arn:aws:states:us-east-1:123456789012:execution:orders:slow\",\"startDate\":1.0}"));
    handlers.put("DescribeExecution", b -> new Reply(200,
        "{\"executionArn\":\"x\",\"stateMachineArn\":\"y\",\"status\":\"RUNNING\",\"startDate\":1.0}"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = awsRun(new ByteArrayOutputStream(), err, "--state-machine-arn", SM_ARN, "--timeout", "1",
        "--endpoint-url", endpoint(), "--region", "us-east-1");
    assertEquals(1, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains(
        "still running after 1 s; look again later with aws-run --execution-arn"), err.toString());
  }

  @Test
  @DisplayName("bad arguments are one line on stderr with exit 2, before any AWS call")
  void badArguments() throws IOException {
    Path notJson = Files.writeString(dir.resolve("bad.json"), "{orderId: 1");
    String[][] cases = {
      {},
      {"--state-machine-arn", SM_ARN, "--execution-arn", "arn:x"},
      {"--state-machine-arn", SM_ARN, "--input", dir.resolve("missing.json").toString()},
      {"--state-machine-arn", SM_ARN, "--input", notJson.toString()},
      {"--state-machine-arn", SM_ARN, "--endpoint-url", "localhost:4566", "--region", "us-east-1"},
      {"--state-machine-arn", SM_ARN, "--timeout", "0"},
    };
    for (String[] c : cases) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      assertEquals(2, awsRun(new ByteArrayOutputStream(), err, c), String.join(" ", c));
      String message = err.toString(StandardCharsets.UTF_8).strip();
      assertTrue(message.startsWith("error: ") && message.lines().count() == 1, message);
    }
    assertTrue(requests.isEmpty(), "no AWS call for bad arguments");
  }
}
