package com.example.workshop.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** {@code run --task-success/--task-failure/--save} and {@code redrive --execution}. */
class CallbackAndRedriveCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Notify sends the token to a queue and waits; Charge is a mocked payment call. */
  private static final String ORDER = """
      {"StartAt": "Notify", "States": {
        "Notify": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
          "Parameters": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/approvals",
                         "MessageBody": {"token.$": "$$.Task.Token"}},
          "Catch": [{"ErrorEquals": ["Rejected"], "ResultPath": "$.rejection", "Next": "Stop"}],
          "ResultPath": "$.approval", "Next": "Charge"},
        "Charge": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem",
          "Parameters": {"TableName": "orders", "Item": {"id": {"S": "o-1"}}},
          "ResultPath": null, "End": true},
        "Stop": {"Type": "Fail", "Error": "OrderRejected"}}}""";
  private static final String MOCKS = """
      {"StateMachines": {"order": {"TestCases": {"Flaky": {"Notify": "Queued", "Charge": "FailsOnce"}}}},
       "MockedResponses": {
         "Queued": {"0": {"Submitted": {"MessageId": "m-1"}}},
         "FailsOnce": {"0": {"Throw": {"Error": "DynamoDB.ProvisionedThroughputExceededException", "Cause": "slow down"}},
                       "1": {"Return": {}}}}}""";

  @TempDir Path dir;

  private record Result(int exit, String out, String err) {
    JsonNode json() throws Exception {
      return JSON.readTree(out);
    }
  }

  private Result cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = Main.run(args, new ByteArrayInputStream(new byte[0]), o, e);
    }
    return new Result(exit, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  private Result run(String... extra) throws Exception {
    Path def = Files.writeString(dir.resolve("order.asl.json"), ORDER);
    Path mocks = Files.writeString(dir.resolve("mocks.json"), MOCKS);
    List<String> args = new ArrayList<>(List.of("run", "--definition", def.toString(), "--json",
        "--mock-config", mocks.toString(), "--test-case", "Flaky"));
    args.addAll(List.of(extra));
    return cli(args.toArray(String[]::new));
  }

  @Test
  @DisplayName("--task-success answers the token: the file's JSON is the state's result")
  void taskSuccessAnswersTheToken() throws Exception {
    Path answer = Files.writeString(dir.resolve("approved.json"), "{\"approved\": true}");
    Path saved = dir.resolve("order.execution.json");
    Result r = run("--task-success", "Notify=" + answer, "--save", saved.toString(), "--history");

    assertEquals(0, r.exit(), r.err());
    JsonNode result = r.json();
    assertEquals("FAILED", result.path("status").asText(), "Charge's first mocked call fails");
    assertEquals("DynamoDB.ProvisionedThroughputExceededException", result.path("error").asText());
    List<String> types = new ArrayList<>();
    result.path("history").forEach(e -> types.add(e.path("type").asText()));
    assertTrue(types.containsAll(List.of("TaskSubmitted", "TaskSucceeded")), types.toString());
    assertTrue(Files.isRegularFile(saved));

    // redrive: Notify's answer stays, only Charge runs again (its second mocked call succeeds)
    Result again = cli("redrive", "--execution", saved.toString(), "--json",
        "--mock-config", dir.resolve("mocks.json").toString());
    assertEquals(0, again.exit(), again.err());
    assertEquals("SUCCEEDED", again.json().path("status").asText(), again.out());
    assertEquals(JSON.readTree("{\"approval\": {\"approved\": true}}"), again.json().path("output"));
  }

  @Test
  @DisplayName("--task-failure STATE=ERROR:CAUSE fails the task; its Catch takes it")
  void taskFailureFailsTheTask() throws Exception {
    Result r = run("--task-failure", "Notify=Rejected:over limit", "--history");
    assertEquals(0, r.exit(), r.err());
    assertEquals("OrderRejected", r.json().path("error").asText(), r.out());
    boolean failed = false;
    for (JsonNode e : r.json().path("history")) {
      if (e.path("type").asText().equals("TaskFailed")) {
        assertEquals("over limit", e.path("taskFailedEventDetails").path("cause").asText());
        failed = true;
      }
    }
    assertTrue(failed, r.out());
  }

  @Test
  @DisplayName("an unanswered token without timers is reported RUNNING with the token")
  void unansweredIsRunning() throws Exception {
    Result r = run();
    assertEquals(0, r.exit(), r.err());
    assertEquals("RUNNING", r.json().path("status").asText(), r.out());
    JsonNode pending = r.json().path("pendingTasks").get(0);
    assertEquals("Notify", pending.path("stateName").asText());
    assertTrue(pending.path("taskToken").asText().startsWith("local-"), r.out());
  }

  @Test
  @DisplayName("bad answers are one error line and exit 2: unknown state, answer not JSON, state answered twice")
  void badAnswersAreUsageErrors() throws Exception {
    Path notJson = Files.writeString(dir.resolve("bad.json"), "{approved");
    Result unknown = run("--task-success", "Notfy=" + notJson);
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("no state 'Notfy'") && unknown.err().contains("Notify"),
        unknown.err());
    Result bad = run("--task-success", "Notify=" + notJson);
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("not JSON"), bad.err());
    Result twice = run("--task-success", "Notify=" + notJson, "--task-failure", "Notify=E");
    assertEquals(2, twice.exit());
  }

  @Test
  @DisplayName("redrive of a SUCCEEDED execution: ExecutionNotRedrivable with AWS's reason, exit 2")
  void redriveOfSucceededIsRefused() throws Exception {
    Path def = Files.writeString(dir.resolve("pass.asl.json"),
        "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}");
    Path saved = dir.resolve("pass.execution.json");
    assertEquals(0, cli("run", "--definition", def.toString(), "--save", saved.toString()).exit());
    Result r = cli("redrive", "--execution", saved.toString());
    assertEquals(2, r.exit());
    assertEquals("error: ExecutionNotRedrivable: Execution is SUCCEEDED and cannot be redriven",
        r.err().strip());
    Result missing = cli("redrive", "--execution", dir.resolve("nope.json").toString());
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("nope.json"), missing.err());
  }
}
