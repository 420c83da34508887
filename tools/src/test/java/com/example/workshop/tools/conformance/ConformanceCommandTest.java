package com.example.workshop.tools.conformance;

import com.example.workshop.tools.UsageError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner on a tiny, self-made vector folder (same format as the shared one). */
class ConformanceCommandTest {
  @TempDir Path dir;

  private static final String VECTORS = """
      {"cases": [
        {"id": "passes", "definition": {"StartAt": "A", "States": {"A": {"Type": "Pass",
           "Parameters": {"id.$": "$.orderId", "at.$": "$$.Execution.StartTime"}, "End": true}}},
         "input": {"orderId": "o-1"},
         "expected": {"status": "SUCCEEDED", "output": {"id": "o-1", "at": "start-time"}},
         "history": [
           {"id": 1, "previousEventId": 0, "type": "ExecutionStarted", "timestamp": "timestamp",
            "executionStartedEventDetails": {"input": {"orderId": "o-1"},
              "inputDetails": {"truncated": false}, "roleArn": "snf_role_arn"}},
           {"id": 2, "previousEventId": 0, "type": "PassStateEntered", "timestamp": "timestamp",
            "stateEnteredEventDetails": {"name": "A", "input": {"orderId": "o-1"},
              "inputDetails": {"truncated": false}}},
           {"id": 3, "previousEventId": 2, "type": "PassStateExited", "timestamp": "timestamp",
            "stateExitedEventDetails": {"name": "A", "output": {"id": "o-1", "at": "start-time"},
              "outputDetails": {"truncated": false}}},
           {"id": 4, "previousEventId": 3, "type": "ExecutionSucceeded", "timestamp": "timestamp",
            "executionSucceededEventDetails": {"output": {"id": "o-1", "at": "start-time"},
              "outputDetails": {"truncated": false}}}]},
        {"id": "wrong-expectation", "definition": {"StartAt": "A", "States": {"A": {"Type": "Fail",
           "Error": "OrderFailed"}}},
         "input": {}, "expected": {"status": "FAILED", "error": "SomethingElse"}}
      ]}""";

  private String run(int expectedExit, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      assertEquals(expectedExit, ConformanceCommand.run(args, o));
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsOneLinePerFailingCaseAndTheSummary() throws Exception {
    Files.createDirectories(dir.resolve("io"));
    Files.writeString(dir.resolve("io/orders.json"), VECTORS);
    String out = run(1, dir.toString());
    String[] lines = out.strip().split("\n");
    assertEquals(2, lines.length, out);
    assertTrue(lines[0].startsWith("FAIL io/orders.json::wrong-expectation: error OrderFailed"),
        lines[0]);
    assertEquals("1 passed, 1 failed, 0 skipped", lines[1]);
  }

  @Test
  void historyDetailsAreComparedUnlessTypesOnly() throws Exception {
    Files.createDirectories(dir.resolve("io"));
    Files.writeString(dir.resolve("io/orders.json"), VECTORS.replace("\"name\": \"A\", \"input\"",
        "\"name\": \"B\", \"input\""));
    String out = run(1, dir.toString(), "--only", "io/*");
    assertTrue(out.contains("FAIL io/orders.json::passes: event 2 PassStateEntered details"), out);
    String typesOnly = run(1, dir.toString(), "--types-only");
    assertTrue(typesOnly.strip().endsWith("1 passed, 1 failed, 0 skipped"), typesOnly);
  }

  @Test
  void skippedCasesAreCountedAndDoNotFailTheRun() throws Exception {
    Files.createDirectories(dir.resolve("io"));
    Files.writeString(dir.resolve("io/orders.json"), VECTORS);
    Path skips = Files.writeString(dir.resolve("skips.txt"),
        "# comment\nio/orders.json::wrong-*\tthe expectation is deliberately wrong\n");
    assertEquals("1 passed, 0 failed, 1 skipped",
        run(0, dir.toString(), "--skip-list", skips.toString()).strip());
  }

  @Test
  void aSkipWithoutReasonIsRejected() throws Exception {
    Path skips = Files.writeString(dir.resolve("skips.txt"), "io/orders.json\n");
    UsageError e = assertThrows(UsageError.class,
        () -> run(2, dir.toString(), "--skip-list", skips.toString()));
    assertTrue(e.getMessage().contains("has no reason"), e.getMessage());
  }

  private static final String TEST_STATE = """
      {"requires": ["api:TestState"], "cases": [
        {"id": "caught", "api": "TestState", "definition": {"Type": "Task",
           "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "Charge"},
           "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Refund"}], "End": true},
         "request": {"input": {"orderId": "o-1"}, "inspectionLevel": "DEBUG",
           "mock": {"errorOutput": {"error": "PaymentDeclined", "cause": "card expired"}}},
         "expected_response": {"status": "CAUGHT_ERROR", "nextState": "Refund",
           "error": "PaymentDeclined", "cause": "card expired",
           "output": {"Error": "PaymentDeclined", "Cause": "card expired"},
           "inspectionData": {"input": {"orderId": "o-1"}, "afterInputPath": {"orderId": "o-1"},
             "afterParameters": {"FunctionName": "Charge"}, "errorDetails": {"catchIndex": 0}}}},
        {"id": "refused", "api": "TestState", "definition": {"Type": "Pass", "End": true},
         "request": {"mock": {"result": "{}"}},
         "expected_error": {"code": "ValidationException",
           "message": "State type 'Pass' is not supported when a mock is specified"}},
        {"id": "wrong-status", "api": "TestState", "definition": {"Type": "Fail", "Error": "E"},
         "request": {}, "expected_response": {"status": "SUCCEEDED"}}
      ]}""";

  @Test
  void testStateCasesCompareTheResponseOrTheRefusal() throws Exception {
    Files.createDirectories(dir.resolve("test_state"));
    Files.writeString(dir.resolve("test_state/orders.json"), TEST_STATE);
    String out = run(1, dir.toString());
    String[] lines = out.strip().split("\n");
    assertEquals(2, lines.length, out);
    assertTrue(lines[0].startsWith("FAIL test_state/orders.json::wrong-status: response fields"
        + " [error, status], expected [status]"), lines[0]);
    assertEquals("2 passed, 1 failed, 0 skipped", lines[1]);
  }

  @Test
  void anOnlyPatternThatIsNotAGlobIsAUsageError() {
    UsageError e = assertThrows(UsageError.class, () -> run(2, dir.toString(), "--only", "["));
    assertTrue(e.getMessage().startsWith("--only [ is not a glob"), e.getMessage());
  }

  /** A callback case of conformance-next's shape: mocked submission, a recorded SendTaskSuccess. */
  private static final String CALLBACK = """
      {"requires": ["callbacks", "mocks"], "cases": [
        {"id": "approved", "definition": {"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
           "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
           "Parameters": {"QueueUrl": "q", "MessageBody": {"TaskToken.$": "$$.Task.Token"}},
           "End": true}}},
         "input": {},
         "mocks": {"Ask": [{"resource": "sqs:sendMessage.waitForTaskToken",
                            "Submitted": {"MessageId": "<uuid:1>"}, "Callback": true}]},
         "callbacks": [{"state": "Ask", "after_event": "TaskSubmitted", "after_event_id": 5,
                        "action": "SendTaskSuccess", "output": {"approved": true}}],
         "expected": {"status": "SUCCEEDED", "output": {"approved": true}}},
        {"id": "never-answered", "definition": {"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
           "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "HeartbeatSeconds": 5,
           "Parameters": {"QueueUrl": "q", "MessageBody": {"TaskToken.$": "$$.Task.Token"}},
           "End": true}}},
         "input": {},
         "mocks": {"Ask": [{"resource": "sqs:sendMessage.waitForTaskToken",
                            "Submitted": {}, "TimedOut": {"Error": "States.Timeout"}}]},
         "callbacks": [],
         "expected": {"status": "SUCCEEDED"}}
      ]}""";

  @Test
  void callbackCasesAreAnsweredFromTheirRecording() throws Exception {
    Files.createDirectories(dir.resolve("callback"));
    Files.writeString(dir.resolve("callback/ask.json"), CALLBACK);
    String out = run(1, dir.toString());
    assertTrue(out.contains("FAIL callback/ask.json::never-answered: status FAILED (error States.Timeout"),
        out);
    assertTrue(out.strip().endsWith("1 passed, 1 failed, 0 skipped"), out);
  }

  /** Express cases of conformance-next's shape, replayed over the local Step Functions API. */
  private static final String EXPRESS = """
      {"requires": ["express", "api:CreateStateMachine"], "cases": [
        {"id": "sync", "api": "StartSyncExecution", "type": "EXPRESS",
         "definition": {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": {"ok": 1},
           "End": true}}},
         "input": {},
         "expected_response": {"billingDetails": {"billedDurationInMilliseconds": 100,
             "billedMemoryUsedInMB": 64},
           "executionArn": "arn:aws:states:us-east-1:111111111111:express:<ArnPart_0idx>:<SyncExecArn_Part1_0idx>:<SyncExecArn_Part2_0idx>",
           "input": {}, "inputDetails": {"included": true}, "name": "<SyncExecArn_Part1_0idx>",
           "output": {"ok": 1}, "outputDetails": {"included": true}, "startDate": "datetime",
           "stateMachineArn": "arn:aws:states:us-east-1:111111111111:stateMachine:<ArnPart_0idx>",
           "status": "SUCCEEDED", "stopDate": "datetime"}},
        {"id": "async", "api": "StartExecution", "type": "EXPRESS",
         "definition": {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "OrderFailed"}}},
         "input": {},
         "expected_log_end_event": {"details": {"error": "OrderFailed"}, "event_timestamp": "timestamp",
           "execution_arn": "arn:aws:states:us-east-1:111111111111:express:<ArnPart_0idx>:<ExpressExecArn_Part1_0idx>:<ExpressExecArn_Part2_0idx>",
           "id": "3", "previous_event_id": "2", "redrive_count": "0", "type": "ExecutionFailed"}},
        {"id": "describe", "api": "DescribeExecution", "type": "EXPRESS",
         "definition": {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "OrderFailed"}}},
         "request": {"executionArn": "arn:aws:states:us-east-1:111111111111:express:<ArnPart_0idx>:<ExpressExecArn_Part1_0idx>:<ExpressExecArn_Part2_0idx>"},
         "expected_error": {"code": "InvalidArn",
           "message": "Invalid Arn: 'Resource type not valid in this context: express'"}},
        {"id": "callback-refused", "api": "CreateStateMachine", "type": "EXPRESS",
         "definition": {"StartAt": "T", "States": {"T": {"Type": "Task",
           "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "End": true}}},
         "expected_error": {"code": "InvalidDefinition",
           "message": "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine does not support '.waitForTaskToken' service integration  at /States/T/Resource'"}},
        {"id": "standard-sync", "api": "StartSyncExecution", "type": "STANDARD",
         "definition": {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
         "input": {},
         "expected_error": {"code": "StateMachineTypeNotSupported",
           "message": "This operation is not supported by this type of state machine"}},
        {"id": "wrong-output", "api": "StartSyncExecution", "type": "EXPRESS",
         "definition": {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": {"ok": 2},
           "End": true}}},
         "input": {},
         "expected_response": {"billingDetails": {"billedDurationInMilliseconds": 100,
             "billedMemoryUsedInMB": 64}, "output": {"ok": 3}}}
      ]}""";

  @Test
  void expressCasesAreReplayedOverTheLocalApi() throws Exception {
    Files.createDirectories(dir.resolve("express"));
    Files.writeString(dir.resolve("express/orders.json"), EXPRESS);
    String out = run(1, dir.toString());
    String[] lines = out.strip().split("\n");
    assertEquals(2, lines.length, out);
    assertTrue(lines[0].startsWith("FAIL express/orders.json::wrong-output: StartSyncExecution"),
        lines[0]);
    assertEquals("5 passed, 1 failed, 0 skipped", lines[1]);
  }
}
