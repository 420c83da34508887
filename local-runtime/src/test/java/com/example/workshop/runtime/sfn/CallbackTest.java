package com.example.workshop.runtime.sfn;

import static com.example.workshop.runtime.sfn.EngineTestSupport.engine;
import static com.example.workshop.runtime.sfn.EngineTestSupport.json;
import static com.example.workshop.runtime.sfn.EngineTestSupport.machine;
import static com.example.workshop.runtime.sfn.EngineTestSupport.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Callback tasks (.waitForTaskToken) answered through SendTaskSuccess, -Failure, -Heartbeat. */
class CallbackTest {
  /** The function gets the token in its payload, as an approval service would. */
  private static final String APPROVAL = """
      {'StartAt': 'WaitForApproval', 'States': {
        'WaitForApproval': {'Type': 'Task', 'Resource': 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          'Parameters': {'FunctionName': 'RequestApproval',
                         'Payload': {'orderId.$': '$.orderId', 'token.$': '$$.Task.Token'}},
          %s
          'Catch': [{'ErrorEquals': ['OrderRejected'], 'ResultPath': '$.rejection', 'Next': 'Rejected'}],
          'ResultPath': '$.approval', 'End': true},
        'Rejected': {'Type': 'Pass', 'End': true}}}""";

  private final AtomicReference<String> sentToken = new AtomicReference<>();

  private LocalStepFunctions sfn() {
    return engine().function("RequestApproval", event -> {
      sentToken.set(json(event).path("token").asText());
      return "{\"queued\": true}";
    }).build();
  }

  private static StateMachine approval(String timers) {
    return machine(APPROVAL.formatted(timers));
  }

  @Test
  @DisplayName("SendTaskSuccess's output becomes the task's result, after TaskSubmitted")
  void successOutputIsTheResult() {
    LocalStepFunctions sfn = sfn();
    StateMachine machine = approval("");
    // snippet:callback-start
    ExecutionHandle run = sfn.startExecution(machine, "{\"orderId\": \"o-1\"}"); // returns at once
    String token = run.awaitTaskToken("WaitForApproval"); // once its TaskSubmitted is written
    // end-snippet
    assertEquals(sentToken.get(), token, "the function got the token of $$.Task.Token");
    assertEquals(ExecutionStatus.RUNNING, run.status());
    assertEquals(List.of(new PendingTask("WaitForApproval", token)), run.pendingTasks());

    // snippet:callback-answer
    sfn.sendTaskSuccess(token, "{\"approved\": true}"); // or sendTaskFailure(token, error, cause)
    Execution done = run.await();                        // SUCCEEDED, $.approval = {"approved": true}
    // end-snippet

    assertEquals(ExecutionStatus.SUCCEEDED, done.status(), done.toString());
    assertEquals(json("{'orderId':'o-1','approval':{'approved':true}}"), json(done.output()));
    assertEquals(List.of("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted",
        "TaskSubmitted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"), types(done));
    HistoryEvent submitted = done.history().get(4);
    assertEquals("invoke.waitForTaskToken", submitted.details().path("resource").asText());
    assertEquals(true, json(submitted.details().path("output").asText()).path("Payload")
        .path("queued").asBoolean(), "TaskSubmitted shows the Invoke response");
    assertTrue(done.pendingTasks().isEmpty());
  }

  @Test
  @DisplayName("SendTaskFailure's error is caught like any task error, with its cause")
  void failureIsCaught() {
    LocalStepFunctions sfn = sfn();
    ExecutionHandle run = sfn.startExecution(approval(""), "{\"orderId\": \"o-1\"}");
    sfn.sendTaskFailure(run.awaitTaskToken("WaitForApproval"), "OrderRejected", "over limit");
    Execution done = run.await();

    assertEquals(ExecutionStatus.SUCCEEDED, done.status(), done.toString());
    assertEquals(json("{'orderId':'o-1','rejection':{'Error':'OrderRejected','Cause':'over limit'}}"),
        json(done.output()));
    assertTrue(types(done).contains("TaskFailed"));
  }

  @Test
  @DisplayName("a token is answered once: a second answer, a heartbeat after it, get TaskTimedOut")
  void aTokenAnswersOnce() {
    LocalStepFunctions sfn = sfn();
    ExecutionHandle run = sfn.startExecution(approval(""), "{\"orderId\": \"o-1\"}");
    String token = run.awaitTaskToken("WaitForApproval");
    sfn.sendTaskSuccess(token, "{}");
    run.await();

    assertEquals("TaskTimedOut", code(() -> sfn.sendTaskSuccess(token, "{}")));
    assertEquals("TaskTimedOut", code(() -> sfn.sendTaskFailure(token, "E", null)));
    assertEquals("TaskTimedOut", code(() -> sfn.sendTaskHeartbeat(token)));
  }

  @Test
  @DisplayName("bad requests get AWS's error codes: InvalidToken, TaskDoesNotExist, InvalidOutput, ValidationException")
  void badRequestsGetAwsErrors() {
    LocalStepFunctions sfn = sfn();
    ExecutionHandle run = sfn.startExecution(approval(""), "{\"orderId\": \"o-1\"}");
    String token = run.awaitTaskToken("WaitForApproval");

    assertEquals("InvalidToken", code(() -> sfn.sendTaskSuccess("not-a-token", "{}")));
    String unknown = "local-00000000-0000-4000-8000-000000000000";
    assertEquals("TaskDoesNotExist", code(() -> sfn.sendTaskHeartbeat(unknown)));
    assertEquals("InvalidOutput", code(() -> sfn.sendTaskSuccess(token, "{not json")));
    String big = "\"" + "x".repeat(262_144) + "\"";
    assertEquals("ValidationException", code(() -> sfn.sendTaskSuccess(token, big)));
    assertEquals("ValidationException", code(() -> sfn.sendTaskFailure(token, "E".repeat(257), null)));
    assertEquals("ValidationException", code(() -> sfn.sendTaskSuccess("", "{}")));

    sfn.sendTaskSuccess(token, "{\"approved\": true}"); // the token still waits for its answer
    assertEquals(ExecutionStatus.SUCCEEDED, run.await().status());
  }

  @Test
  @DisplayName("a token of one LocalStepFunctions is unknown to another")
  void tokensBelongToTheirEngine() {
    ExecutionHandle run = sfn().startExecution(approval(""), "{\"orderId\": \"o-1\"}");
    String token = run.awaitTaskToken("WaitForApproval");
    assertEquals("TaskDoesNotExist", code(() -> sfn().sendTaskSuccess(token, "{}")));
    run.stop(null, null);
  }

  @Test
  @DisplayName("no heartbeat within HeartbeatSeconds: States.Timeout at that second of virtual time")
  void missedHeartbeatTimesOut() {
    Execution done = sfn().start(approval("'HeartbeatSeconds': 30, 'TimeoutSeconds': 600,"),
        "{\"orderId\": \"o-1\"}");

    assertEquals(ExecutionStatus.FAILED, done.status());
    assertEquals("States.Timeout", done.error());
    HistoryEvent timedOut = done.history().get(5);
    assertEquals("TaskTimedOut", timedOut.type());
    assertEquals(30, timedOut.timestamp().getEpochSecond() - done.startDate().getEpochSecond());
  }

  @Test
  @DisplayName("TimeoutSeconds ends an unanswered callback task when the execution is awaited")
  void timeoutSecondsEndsTheWait() {
    LocalStepFunctions sfn = sfn();
    ExecutionHandle run = sfn.startExecution(approval("'TimeoutSeconds': 3600,"),
        "{\"orderId\": \"o-1\"}");
    String token = run.awaitTaskToken("WaitForApproval");
    Execution done = run.await();

    assertEquals("States.Timeout", done.error());
    assertEquals(3600, done.stopDate().getEpochSecond() - done.startDate().getEpochSecond());
    assertEquals("TaskTimedOut", code(() -> sfn.sendTaskSuccess(token, "{}")));
  }

  @Test
  @DisplayName("a heartbeat starts HeartbeatSeconds again: the task times out 30 s after it, not after its start")
  void aHeartbeatRestartsTheHeartbeatTimer() {
    // Branch B's Wait moves virtual time to 20 s while the test awaits its token; the heartbeat
    // sent then moves branch A's heartbeat deadline from 30 s to 50 s.
    String flow = """
        {'StartAt': 'Both', 'States': {'Both': {'Type': 'Parallel', 'End': true, 'Branches': [
          {'StartAt': 'Ship', 'States': {'Ship': {'Type': 'Task',
            'Resource': 'arn:aws:states:::lambda:invoke.waitForTaskToken', 'HeartbeatSeconds': 30,
            'Parameters': {'FunctionName': 'RequestApproval', 'Payload': {'token.$': '$$.Task.Token'}},
            'End': true}}},
          {'StartAt': 'Later', 'States': {
            'Later': {'Type': 'Wait', 'Seconds': 20, 'Next': 'Tick'},
            'Tick': {'Type': 'Task', 'Resource': 'arn:aws:states:::lambda:invoke.waitForTaskToken',
              'Parameters': {'FunctionName': 'RequestApproval', 'Payload': {'token.$': '$$.Task.Token'}},
              'End': true}}}]}}}""";
    LocalStepFunctions sfn = sfn();
    ExecutionHandle run = sfn.startExecution(machine(flow), "{}");
    String ship = run.awaitTaskToken("Ship");
    String tick = run.awaitTaskToken("Tick");
    sfn.sendTaskHeartbeat(ship);
    sfn.sendTaskSuccess(tick, "{}");
    Execution done = run.await();

    assertEquals("States.Timeout", done.error(), done.toString());
    HistoryEvent timedOut = done.history().stream()
        .filter(e -> e.type().equals("TaskTimedOut")).findFirst().orElseThrow();
    assertEquals(50, timedOut.timestamp().getEpochSecond() - done.startDate().getEpochSecond());
  }

  @Test
  @DisplayName("without a timer of its own, an unanswered execution settles RUNNING with its pending tokens")
  void unansweredSettlesRunning() {
    ExecutionHandle run = sfn().startExecution(approval(""), "{\"orderId\": \"o-1\"}");
    Execution now = run.awaitSettled();
    assertEquals(ExecutionStatus.RUNNING, now.status());
    assertEquals("WaitForApproval", now.pendingTasks().get(0).stateName());
    assertEquals(null, now.stopDate());
    run.stop(null, null);
    assertEquals(ExecutionStatus.ABORTED, run.await().status());
  }

  @Test
  @DisplayName("a mocked callback task (Submitted) waits for its token, like a real SQS send")
  void mockedSubmittedWaitsForItsToken() throws Exception {
    java.nio.file.Path mocks = java.nio.file.Files.createTempFile("mocks", ".json");
    java.nio.file.Files.writeString(mocks, """
        {"StateMachines": {"Orders": {"TestCases": {"Queued": {"Notify": "Sent"}}}},
         "MockedResponses": {"Sent": {"0": {"Submitted": {"MessageId": "m-1"}}}}}""");
    String flow = """
        {'StartAt': 'Notify', 'States': {'Notify': {'Type': 'Task',
          'Resource': 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
          'Parameters': {'QueueUrl': 'https://sqs.us-east-1.amazonaws.com/123456789012/orders',
                         'MessageBody': {'token.$': '$$.Task.Token'}}, 'End': true}}}""";
    LocalStepFunctions sfn = engine().mockConfig(mocks).build();
    ExecutionHandle run = sfn.startExecution(machine(flow), "{}",
        StartOptions.defaults().withStateMachineName("Orders").withTestCase("Queued"));
    sfn.sendTaskSuccess(run.awaitTaskToken("Notify"), "{\"delivered\": true}");
    Execution done = run.await();

    assertEquals(json("{'delivered':true}"), json(done.output()));
    HistoryEvent submitted = done.history().get(4);
    assertEquals("TaskSubmitted", submitted.type());
    assertEquals("sqs", submitted.details().path("resourceType").asText());
    assertEquals("m-1", json(submitted.details().path("output").asText()).path("MessageId")
        .asText());
  }

  static String code(Runnable call) {
    return assertThrows(StepFunctionsException.class, call::run).errorCode();
  }
}
