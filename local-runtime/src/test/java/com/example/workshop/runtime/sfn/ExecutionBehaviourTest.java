package com.example.workshop.runtime.sfn;

import static com.example.workshop.runtime.sfn.EngineTestSupport.engine;
import static com.example.workshop.runtime.sfn.EngineTestSupport.json;
import static com.example.workshop.runtime.sfn.EngineTestSupport.machine;
import static com.example.workshop.runtime.sfn.EngineTestSupport.secondsAt;
import static com.example.workshop.runtime.sfn.EngineTestSupport.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.runtime.sfn.internal.asl.ErrorNames;
import com.example.workshop.runtime.sfn.internal.render.ExecutionPath;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExecutionBehaviourTest {

  private static com.fasterxml.jackson.databind.JsonNode out(Execution ex) {
    try {
      return EngineTestSupport.JSON.readTree(ex.output());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static final String ORDER_FLOW = """
      {'StartAt': 'Validate', 'States': {
        'Validate': {'Type': 'Task', 'Resource': 'arn:aws:lambda:us-east-1:123456789012:function:ValidateOrder',
                     'ResultPath': '$.validation', 'Next': 'IsValid'},
        'IsValid': {'Type': 'Choice', 'Choices': [
            {'Variable': '$.validation.valid', 'BooleanEquals': true, 'Next': 'Done'}],
          'Default': 'Rejected'},
        'Rejected': {'Type': 'Fail', 'Error': 'OrderRejected', 'Cause': 'validation failed'},
        'Done': {'Type': 'Succeed'}}}""";

  @Test
  void aDirectLambdaTaskResultIsTheFunctionOutputAndChoiceRoutesOnIt() {
    Execution ex = engine()
        .function("ValidateOrder", event -> "{\"valid\": true}")
        .build().start(machine(ORDER_FLOW), "{\"orderId\": \"o-1\", \"amount\": 20}");
    assertEquals(ExecutionStatus.SUCCEEDED, ex.status());
    assertEquals(json("{'orderId':'o-1','amount':20,'validation':{'valid':true}}"),
        json(ex.output()));
    assertEquals(List.of("Validate", "IsValid", "Done"), ex.visitedStates());
    assertEquals(List.of("ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled",
        "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited",
        "ChoiceStateEntered", "ChoiceStateExited", "SucceedStateEntered", "SucceedStateExited",
        "ExecutionSucceeded"), types(ex));
  }

  @Test
  @DisplayName("the path overlay marks a Task whose error was caught as failed, and a retried one as retried")
  void thePathOverlayMarksCaughtAndRetriedStates() {
    String flow = """
        {'StartAt': 'Charge', 'States': {
          'Charge': {'Type': 'Task', 'Resource': 'arn:aws:lambda:us-east-1:123456789012:function:Charge',
                     'Retry': [{'ErrorEquals': ['Busy'], 'MaxAttempts': 1}],
                     'Catch': [{'ErrorEquals': ['CardDeclined'], 'ResultPath': '$.error', 'Next': 'Refund'}],
                     'End': true},
          'Refund': {'Type': 'Pass', 'End': true}}}""";
    AtomicInteger calls = new AtomicInteger();
    Execution ex = engine()
        .function("Charge", event -> {
          throw new LambdaFunctionError(calls.getAndIncrement() == 0 ? "Busy" : "CardDeclined", "no");
        })
        .build().start(machine(flow), "{\"orderId\": \"o-9\"}");
    assertEquals(ExecutionStatus.SUCCEEDED, ex.status());
    ExecutionPath path = ex.path();
    assertEquals(List.of("Charge", "Refund"), path.visited());
    assertEquals(java.util.Set.of("Charge"), path.failed());
    assertEquals(java.util.Set.of("Charge"), path.retried());
  }

  @Test
  void aFailStateEndsTheExecutionWithItsErrorAndCause() {
    Execution ex = engine()
        .function("ValidateOrder", event -> "{\"valid\": false}")
        .build().start(machine(ORDER_FLOW), "{\"orderId\": \"o-2\"}");
    assertEquals(ExecutionStatus.FAILED, ex.status());
    assertEquals("OrderRejected", ex.error());
    assertEquals("validation failed", ex.cause());
    assertNull(ex.output());
    List<String> t = types(ex);
    assertEquals(List.of("FailStateEntered", "ExecutionFailed"), t.subList(t.size() - 2, t.size()));
  }

  @Test
  void historyEventsChainPreviousEventIdsAndTheFirstStateEntersAfterEventZero() {
    Execution ex = engine().function("ValidateOrder", event -> "{\"valid\": true}")
        .build().start(machine(ORDER_FLOW), "{}");
    List<HistoryEvent> h = ex.history();
    assertEquals(0, h.get(0).previousEventId());
    assertEquals(0, h.get(1).previousEventId());
    for (int i = 2; i < h.size(); i++) {
      assertEquals(i + 1, h.get(i).id());
      assertEquals(i, h.get(i).previousEventId());
    }
    assertEquals("{}", h.get(1).details().get("input").asText());
    assertEquals("Validate", h.get(1).details().get("name").asText());
  }

  @Test
  void anUnboundFunctionFailsLikeLambdaResourceNotFound() {
    Execution ex = engine().accountId("111122223333").build()
        .start(machine(ORDER_FLOW), "{}");
    assertEquals("Lambda.ResourceNotFoundException", ex.error());
    assertTrue(ex.cause().startsWith("Function not found: arn:aws:lambda:us-east-1:111122223333"
        + ":function:ValidateOrder:$LATEST (Service: AWSLambda; Status Code: 404; Error Code:"
        + " ResourceNotFoundException; Request ID: "), ex.cause());
  }

  @Test
  void functionsBindByArnPartialArnOrQualifiedName() {
    for (String key : List.of("arn:aws:lambda:us-east-1:123456789012:function:ValidateOrder",
        "123456789012:function:ValidateOrder", "ValidateOrder:live")) {
      Execution ex = engine().function(key, event -> "{\"valid\": true}").build()
          .start(machine(ORDER_FLOW), "{}");
      assertEquals(ExecutionStatus.SUCCEEDED, ex.status(), key);
    }
  }

  @Test
  void aSubstitutionKeyBindsTheFunctionItResolvesTo() {
    StateMachine m = StateMachine.parse("""
        {"StartAt": "Charge", "States": {"Charge": {"Type": "Task",
          "Resource": "${ChargeFunctionArn}", "End": true}}}""",
        java.util.Map.of("ChargeFunctionArn",
            "arn:aws:lambda:us-east-1:123456789012:function:orders-charge-1A2B"));
    Execution ex = engine().function("ChargeFunctionArn", event -> "{\"paid\": true}").build()
        .start(m, "{}");
    assertEquals("{\"paid\":true}", ex.output());
  }

  @Test
  @DisplayName("lambda:invoke wraps the function output in Payload, StatusCode, ExecutedVersion")
  void lambdaInvokeWrapsTheResult() {
    StateMachine m = machine("""
        {'StartAt': 'Charge', 'States': {'Charge': {'Type': 'Task',
          'Resource': 'arn:aws:states:::lambda:invoke',
          'Parameters': {'FunctionName': 'Charge', 'Payload.$': '$'},
          'ResultSelector': {'receipt.$': '$.Payload', 'code.$': '$.StatusCode',
                             'version.$': '$.ExecutedVersion'},
          'End': true}}}""");
    Execution ex = engine().function("Charge", event -> event).build()
        .start(m, "{\"orderId\": \"o-3\"}");
    assertEquals(json("{'receipt':{'orderId':'o-3'},'code':200,'version':'$LATEST'}"),
        json(ex.output()));
    assertTrue(types(ex).containsAll(List.of("TaskScheduled", "TaskStarted", "TaskSucceeded")));
  }

  @Test
  void aFakeErrorBecomesTheErrorNameAndTheLambdaErrorDocumentTheCause() {
    Execution ex = engine()
        .function("ValidateOrder", event -> {
          throw new LambdaFunctionError("OrderValidationException", "no items");
        })
        .build().start(machine(ORDER_FLOW), "{}");
    assertEquals("OrderValidationException", ex.error());
    assertEquals("no items", json(ex.cause()).get("errorMessage").asText());
    assertEquals("OrderValidationException", json(ex.cause()).get("errorType").asText());
  }

  @Test
  @DisplayName("a Java handler runs through LocalLambda; its exception class name is the error")
  void javaHandlerErrorsAreFullyQualifiedClassNames() {
    StateMachine m = machine("""
        {'StartAt': 'Charge', 'States': {'Charge': {'Type': 'Task',
          'Resource': 'arn:aws:lambda:us-east-1:123456789012:function:Charge',
          'Catch': [{'ErrorEquals': ['java.lang.IllegalStateException'], 'Next': 'Manual'}],
          'End': true},
          'Manual': {'Type': 'Pass', 'End': true}}}""");
    LocalStepFunctions sfn = engine()
        .function("Charge", "com.example.workshop.runtime.sfn.handlers.ChargeCard::handleRequest")
        .build();
    Execution ok = sfn.start(m, "{\"orderId\": \"o-4\", \"amount\": 25}");
    assertEquals(json("{'orderId':'o-4','charged':25}"), json(ok.output()));
    Execution caught = sfn.start(m, "{\"orderId\": \"o-5\", \"amount\": 5000}");
    assertEquals(ExecutionStatus.SUCCEEDED, caught.status());
    assertEquals("java.lang.IllegalStateException", json(caught.output()).get("Error").asText());
    assertEquals("amount 5000 needs manual approval",
        json(json(caught.output()).get("Cause").asText()).get("errorMessage").asText());
  }

  @Test
  void retriesBackOffInVirtualTimeAndShowInTimestampsWithoutSleeping() {
    StateMachine m = machine("""
        {'StartAt': 'Charge', 'States': {'Charge': {'Type': 'Task',
          'Resource': 'arn:aws:lambda:us-east-1:123456789012:function:Charge',
          'Retry': [{'ErrorEquals': ['PaymentTimeout'], 'IntervalSeconds': 2, 'MaxAttempts': 3,
                     'BackoffRate': 3.0}],
          'End': true}}}""");
    AtomicInteger calls = new AtomicInteger();
    long before = System.nanoTime();
    Execution ex = engine().function("Charge", event -> {
      if (calls.incrementAndGet() < 4) {
        throw new LambdaFunctionError("PaymentTimeout", "slow bank");
      }
      return "{\"paid\": true}";
    }).build().start(m, "{}");
    assertTrue(System.nanoTime() - before < 5_000_000_000L, "virtual time must not sleep");
    assertEquals(ExecutionStatus.SUCCEEDED, ex.status());
    assertEquals(4, calls.get());
    List<HistoryEvent> h = ex.history();
    List<Long> scheduledAt = new java.util.ArrayList<>();
    for (int i = 0; i < h.size(); i++) {
      if (h.get(i).type().equals("LambdaFunctionScheduled")) {
        scheduledAt.add(secondsAt(ex, i));
      }
    }
    assertEquals(List.of(0L, 2L, 8L, 26L), scheduledAt);
  }

  @Test
  void exhaustedRetriesFallThroughToTheCatcherWhoseResultPathDefaultsToTheWholeOutput() {
    StateMachine m = machine("""
        {'StartAt': 'Charge', 'States': {'Charge': {'Type': 'Task',
          'Resource': 'arn:aws:lambda:us-east-1:123456789012:function:Charge',
          'Retry': [{'ErrorEquals': ['States.ALL'], 'MaxAttempts': 1}],
          'Catch': [{'ErrorEquals': ['States.ALL'], 'Next': 'Refund'}],
          'End': true},
          'Refund': {'Type': 'Pass', 'End': true}}}""");
    AtomicInteger calls = new AtomicInteger();
    Execution ex = engine().function("Charge", event -> {
      calls.incrementAndGet();
      throw new LambdaFunctionError("CardDeclined", "insufficient funds");
    }).build().start(m, "{\"orderId\": \"o-6\"}");
    assertEquals(2, calls.get());
    assertEquals("CardDeclined", json(ex.output()).get("Error").asText());
    assertEquals(2, json(ex.output()).size());
  }

  @Test
  void statesAllNeverCatchesStatesRuntime() {
    StateMachine m = machine("""
        {'StartAt': 'Charge', 'States': {'Charge': {'Type': 'Task',
          'Resource': 'arn:aws:lambda:us-east-1:123456789012:function:Charge',
          'OutputPath': '$.missing.field',
          'Retry': [{'ErrorEquals': ['States.ALL']}],
          'Catch': [{'ErrorEquals': ['States.Runtime'], 'Next': 'Handled'},
                    {'ErrorEquals': ['States.ALL'], 'Next': 'Handled'}],
          'End': true},
          'Handled': {'Type': 'Pass', 'End': true}}}""");
    Execution ex = engine().function("Charge", event -> "{}").build().start(m, "{}");
    assertEquals(ExecutionStatus.FAILED, ex.status());
    assertEquals("States.Runtime", ex.error());
    assertEquals("An error occurred while executing the state 'Charge' (entered at the event id"
        + " #2). Invalid path '$.missing.field' : Missing property in path $['missing']",
        ex.cause());
  }

  @Test
  void taskFailedMatchesFunctionErrorsButNotTimeouts() {
    assertTrue(ErrorNames.matches(List.of("States.TaskFailed"), "java.lang.RuntimeException"));
    assertTrue(!ErrorNames.matches(List.of("States.TaskFailed"), "States.Timeout"));
    assertTrue(ErrorNames.matches(List.of("States.ALL"), "States.Timeout"));
    assertTrue(!ErrorNames.matches(List.of("java.lang.Exception"), "java.lang.RuntimeException"));
  }

  @Test
  void aWaitStateAdvancesTheVirtualClock() {
    StateMachine m = machine("""
        {'StartAt': 'Hold', 'States': {
          'Hold': {'Type': 'Wait', 'Seconds': 3600, 'Next': 'Ship'},
          'Ship': {'Type': 'Pass', 'End': true}}}""");
    Execution ex = engine().build().start(m, "{}");
    assertEquals(ExecutionStatus.SUCCEEDED, ex.status());
    assertEquals(3600, secondsAt(ex, ex.history().size() - 1));
  }

  @Test
  void waitingPastTheMachineTimeoutEndsTimedOut() {
    StateMachine m = machine("""
        {'TimeoutSeconds': 60, 'StartAt': 'Hold', 'States': {
          'Hold': {'Type': 'Wait', 'Seconds': 3600, 'End': true}}}""");
    Execution ex = engine().build().start(m, "{}");
    assertEquals(ExecutionStatus.TIMED_OUT, ex.status());
    assertEquals("ExecutionTimedOut", types(ex).get(types(ex).size() - 1));
    assertEquals(60, secondsAt(ex, ex.history().size() - 1));
  }

  @Test
  void aLoopThatWouldExceedTwentyFiveThousandEventsFails() {
    StateMachine m = machine("""
        {'StartAt': 'Again', 'States': {
          'Again': {'Type': 'Pass', 'Next': 'More'},
          'More': {'Type': 'Choice', 'Choices': [
              {'Variable': '$.stop', 'IsPresent': true, 'Next': 'Done'}], 'Default': 'Again'},
          'Done': {'Type': 'Succeed'}}}""");
    Execution ex = engine().build().start(m, "{}");
    assertEquals(ExecutionStatus.FAILED, ex.status());
    assertEquals("States.Runtime", ex.error());
    assertEquals(25_001, ex.history().size());
  }

  @Test
  void aResultOverTwoHundredFiftySixKibIsCatchableDataLimitExceeded() {
    StateMachine m = machine("""
        {'StartAt': 'Export', 'States': {'Export': {'Type': 'Task',
          'Resource': 'arn:aws:lambda:us-east-1:123456789012:function:Export',
          'Catch': [{'ErrorEquals': ['States.DataLimitExceeded'], 'Next': 'TooBig'}],
          'End': true},
          'TooBig': {'Type': 'Pass', 'End': true}}}""");
    String big = "\"" + "x".repeat(262_145) + "\"";
    Execution ex = engine().function("Export", event -> big).build().start(m, "{}");
    assertEquals("States.DataLimitExceeded", out(ex).get("Error").asText());
  }

  @Test
  void theContextObjectShowsExecutionStateMachineAndStateAsAws() {
    StateMachine m = machine("""
        {'StartAt': 'Look', 'States': {'Look': {'Type': 'Pass',
          'Parameters': {'id.$': '$$.Execution.Id', 'name.$': '$$.Execution.Name',
            'sm.$': '$$.StateMachine.Name', 'state.$': '$$.State.Name',
            'entered.$': '$$.State.EnteredTime', 'input.$': '$$.Execution.Input.orderId',
            'redrive.$': '$$.Execution.RedriveCount'},
          'End': true}}}""");
    Execution ex = engine().accountId("111122223333").region("eu-west-1").build()
        .start(m, "{\"orderId\": \"o-7\"}", StartOptions.defaults()
            .withStateMachineName("Orders").withExecutionName("run-1"));
    assertEquals(json("""
        {'id': 'arn:aws:states:eu-west-1:111122223333:execution:Orders:run-1', 'name': 'run-1',
         'sm': 'Orders', 'state': 'Look', 'entered': '2026-01-15T10:00:00.000Z',
         'input': 'o-7', 'redrive': 0}"""), json(ex.output()));
    assertEquals("arn:aws:states:eu-west-1:111122223333:execution:Orders:run-1",
        ex.executionArn());
  }

  @Test
  void anInlineMapRunsEachItemWithItemSelectorAndMapContext() {
    StateMachine m = machine("""
        {'StartAt': 'Lines', 'States': {'Lines': {'Type': 'Map', 'ItemsPath': '$.items',
          'ItemSelector': {'sku.$': '$$.Map.Item.Value.sku', 'line.$': '$$.Map.Item.Index',
                           'orderId.$': '$.orderId'},
          'ItemProcessor': {'StartAt': 'Price', 'States': {
            'Price': {'Type': 'Pass', 'End': true}}},
          'End': true}}}""");
    Execution ex = engine().build()
        .start(m, "{\"orderId\": \"o-8\", \"items\": [{\"sku\": \"a\"}, {\"sku\": \"b\"}]}");
    assertEquals(json("[{'sku':'a','line':0,'orderId':'o-8'},{'sku':'b','line':1,'orderId':'o-8'}]"),
        json(ex.output()));
    assertEquals(List.of("Lines", "Price", "Price"), ex.visitedStates());
    assertTrue(types(ex).containsAll(List.of("MapStateStarted", "MapIterationStarted",
        "MapIterationSucceeded", "MapStateSucceeded")));
  }

  @Test
  void aFailingParallelBranchFailsTheStateWithTheBranchError() {
    StateMachine m = machine("""
        {'StartAt': 'Both', 'States': {'Both': {'Type': 'Parallel', 'Branches': [
            {'StartAt': 'Reserve', 'States': {'Reserve': {'Type': 'Pass', 'End': true}}},
            {'StartAt': 'Bill', 'States': {'Bill': {'Type': 'Fail', 'Error': 'BillingDown'}}}],
          'End': true}}}""");
    Execution ex = engine().build().start(m, "{}");
    assertEquals("BillingDown", ex.error());
    assertNull(ex.cause());
    assertTrue(types(ex).contains("ParallelStateFailed"));
  }

  @Test
  void invalidInputIsRejectedBeforeAnythingRuns() {
    LocalStepFunctions sfn = engine().build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> sfn.start(machine(ORDER_FLOW), "not json"));
    assertTrue(e.getMessage().startsWith("Invalid execution input"), e.getMessage());
  }

  @Test
  void historyTableAndJsonDescribeTheSameEvents() {
    Execution ex = engine().function("ValidateOrder", event -> "{\"valid\": true}").build()
        .start(machine(ORDER_FLOW), "{}");
    String[] lines = ex.historyTable().split("\n");
    assertTrue(lines[0].matches("id\\s+elapsed\\s+state\\s+event\\s+detail"), lines[0]);
    assertEquals(ex.history().size() + 1, lines.length);
    assertEquals(ex.history().size(), json(ex.historyJson()).size());
    assertEquals("TaskStateEntered", json(ex.historyJson()).get(1).get("type").asText());
    assertTrue(json(ex.historyJson()).get(1).has("stateEnteredEventDetails"));
  }

  @Test
  void theDiagramOverlayMarksTheVisitedPath() {
    StateMachine m = machine(ORDER_FLOW);
    Execution ex = engine().function("ValidateOrder", event -> "{\"valid\": false}").build()
        .start(m, "{}");
    String diagram = m.toMermaid(ex);
    assertTrue(diagram.startsWith("flowchart") || diagram.contains("flowchart"), diagram);
    assertTrue(!diagram.equals(m.toMermaid()), "overlay must change the plain diagram");
  }

  @Test
  @DisplayName("a handler slower than the Task TimeoutSeconds fails with States.Timeout")
  void aSlowFunctionTimesOutTheTask() {
    StateMachine m = machine("""
        {'StartAt': 'Charge', 'States': {'Charge': {'Type': 'Task',
          'Resource': 'arn:aws:lambda:us-east-1:123456789012:function:Charge',
          'TimeoutSeconds': 1,
          'Catch': [{'ErrorEquals': ['States.Timeout'], 'Next': 'Late'}],
          'End': true},
          'Late': {'Type': 'Pass', 'End': true}}}""");
    Execution ex = engine()
        .function("Charge", "com.example.workshop.runtime.sfn.handlers.SlowCharge::handleRequest")
        .build().start(m, "{\"millis\": 2500}");
    assertEquals("States.Timeout", out(ex).get("Error").asText());
    assertTrue(types(ex).contains("LambdaFunctionTimedOut"), types(ex).toString());
    assertEquals(1, secondsAt(ex, types(ex).indexOf("LambdaFunctionTimedOut")));
  }

  @Test
  @DisplayName("a HeartbeatSeconds that fires ends the invocation without logging Lambda's own timeout")
  void aHeartbeatTimeoutIsNotLoggedAsTheFunctionsTimeout() {
    StateMachine m = machine("""
        {'StartAt': 'Charge', 'States': {'Charge': {'Type': 'Task',
          'Resource': 'arn:aws:lambda:us-east-1:123456789012:function:Charge',
          'HeartbeatSeconds': 1, 'End': true}}}""");
    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    Execution ex = engine()
        .function("Charge", com.example.workshop.runtime.lambda.LocalLambda
            .builder("com.example.workshop.runtime.sfn.handlers.SlowCharge::handleRequest")
            .logSink(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8)))
        .build().start(m, "{\"millis\": 2500}");
    assertEquals("States.HeartbeatTimeout", ex.error());
    String lines = log.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(lines.contains("Invocation abandoned: the caller stopped waiting"), lines);
    assertTrue(!lines.contains("Task timed out after"), lines);
    assertTrue(lines.contains("END RequestId: ") && lines.contains("REPORT RequestId: "), lines);
  }

  @Test
  void aStateOutputOverTwoHundredFiftySixKibFailsWithDataLimitExceeded() {
    StateMachine m = machine("""
        {'StartAt': 'Duplicate', 'States': {'Duplicate': {'Type': 'Pass',
          'Parameters': {'copy1.$': '$.notes', 'copy2.$': '$.notes'}, 'End': true}}}""");
    String notes = "n".repeat(150_000);
    Execution ex = engine().build().start(m, "{\"notes\": \"" + notes + "\"}");
    assertEquals(ExecutionStatus.FAILED, ex.status());
    assertEquals("States.DataLimitExceeded", ex.error());
    assertTrue(ex.cause().contains("'Duplicate'"), ex.cause());
  }

  @Test
  void aDistributedMapWhoseReaderLocalRuntimeDoesNotRunFailsClearly() {
    StateMachine m = machine("""
        {'StartAt': 'Orders', 'States': {'Orders': {'Type': 'Map',
          'ItemReader': {'Resource': 'arn:aws:states:::s3:getObject',
            'ReaderConfig': {'InputType': 'JSONL'},
            'Parameters': {'Bucket': 'orders', 'Key': 'orders.jsonl'}},
          'ItemProcessor': {'ProcessorConfig': {'Mode': 'DISTRIBUTED', 'ExecutionType': 'STANDARD'},
            'StartAt': 'One', 'States': {'One': {'Type': 'Pass', 'End': true}}},
          'End': true}}}""");
    Execution ex = engine().build().start(m, "{}");
    assertEquals("States.Runtime", ex.error());
    assertTrue(ex.cause().contains("ItemReader"), ex.cause());
  }
}
