package com.example.workshop.runtime.sfn;

import static com.example.workshop.runtime.sfn.CallbackTest.code;
import static com.example.workshop.runtime.sfn.EngineTestSupport.engine;
import static com.example.workshop.runtime.sfn.EngineTestSupport.machine;
import static com.example.workshop.runtime.sfn.EngineTestSupport.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** StopExecution through {@link ExecutionHandle#stop}. */
class StopTest {
  private static final String SIXTY_SECONDS = """
      {'StartAt': 'Hold', 'States': {'Hold': {'Type': 'Wait', 'Seconds': 60, 'End': true}}}""";

  @Test
  @DisplayName("stopped in a Wait: ABORTED, history ExecutionStarted, WaitStateEntered, ExecutionAborted (as AWS records it)")
  void stopInAWait() {
    ExecutionHandle run = engine().build().startExecution(machine(SIXTY_SECONDS), "{}");
    // snippet:stop
    run.stop("OrderCancelled", "the customer cancelled"); // StopExecution: error and cause optional
    Execution done = run.await();                         // ABORTED, ExecutionAborted
    // end-snippet

    assertEquals(ExecutionStatus.ABORTED, done.status());
    assertEquals("OrderCancelled", done.error());
    assertEquals("the customer cancelled", done.cause());
    assertEquals(List.of("ExecutionStarted", "WaitStateEntered", "ExecutionAborted"), types(done));
    assertEquals(0, done.stopDate().getEpochSecond() - done.startDate().getEpochSecond(),
        "unawaited, virtual time stood still until the stop");
    assertEquals("OrderCancelled",
        done.history().get(2).details().path("error").asText());
  }

  @Test
  @DisplayName("stop without error or cause: ExecutionAborted has neither")
  void stopWithoutErrorOrCause() {
    ExecutionHandle run = engine().build().startExecution(machine(SIXTY_SECONDS), "{}");
    run.stop(null, null);
    Execution done = run.await();
    assertEquals(ExecutionStatus.ABORTED, done.status());
    assertNull(done.error());
    assertNull(done.cause());
  }

  @Test
  @DisplayName("stopping closes the execution's task tokens, and stopping again changes nothing")
  void stopClosesTokens() {
    String flow = """
        {'StartAt': 'Both', 'States': {'Both': {'Type': 'Parallel', 'End': true, 'Branches': [
          {'StartAt': 'Approve', 'States': {'Approve': {'Type': 'Task',
            'Resource': 'arn:aws:states:::lambda:invoke.waitForTaskToken',
            'Parameters': {'FunctionName': 'RequestApproval', 'Payload': {'token.$': '$$.Task.Token'}},
            'End': true}}},
          {'StartAt': 'Hold', 'States': {'Hold': {'Type': 'Wait', 'Seconds': 60, 'End': true}}}]}}}""";
    LocalStepFunctions sfn = engine().function("RequestApproval", event -> "{}").build();
    ExecutionHandle run = sfn.startExecution(machine(flow), "{}");
    String token = run.awaitTaskToken("Approve");
    run.stop(null, null);
    Execution done = run.await();

    assertEquals(ExecutionStatus.ABORTED, done.status());
    assertEquals("ExecutionAborted", types(done).get(types(done).size() - 1));
    assertEquals("TaskTimedOut", code(() -> sfn.sendTaskSuccess(token, "{}")));
    run.stop("Late", null);
    assertEquals(ExecutionStatus.ABORTED, run.await().status());
    assertNull(run.snapshot().error());
  }

  @Test
  @DisplayName("an error over 256 characters is a ValidationException, and the execution runs on")
  void tooLongErrorIsRefused() {
    ExecutionHandle run = engine().build().startExecution(machine(SIXTY_SECONDS), "{}");
    StepFunctionsException e = assertThrows(StepFunctionsException.class,
        () -> run.stop("E".repeat(257), null));
    assertEquals("ValidationException", e.errorCode());
    assertEquals(ExecutionStatus.SUCCEEDED, run.await().status());
  }
}
