package com.example.workshop.runtime.sfn;

import static com.example.workshop.runtime.sfn.EngineTestSupport.engine;
import static com.example.workshop.runtime.sfn.EngineTestSupport.json;
import static com.example.workshop.runtime.sfn.EngineTestSupport.machine;
import static com.example.workshop.runtime.sfn.EngineTestSupport.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RedriveExecution: {@link LocalStepFunctions#redrive}, saved executions. */
class RedriveTest {
  private static final String ORDER = """
      {'StartAt': 'Reserve', 'States': {
        'Reserve': {'Type': 'Task', 'Resource': 'arn:aws:lambda:us-east-1:123456789012:function:Reserve',
                    'ResultPath': '$.reserved', 'Next': 'Charge'},
        'Charge': {'Type': 'Task', 'Resource': 'arn:aws:lambda:us-east-1:123456789012:function:Charge',
                   'Parameters': {'count.$': '$$.Execution.RedriveCount'}, 'ResultPath': '$.charge', 'End': true}}}""";

  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  /** Charge fails until the bank is "up". */
  private volatile boolean bankUp;

  private LambdaFunction counted(String name, LambdaFunction fn) {
    return event -> {
      calls.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
      return fn.invoke(event);
    };
  }

  private int calls(String name) {
    AtomicInteger n = calls.get(name);
    return n == null ? 0 : n.get();
  }

  private LocalStepFunctions sfn() {
    return engine()
        .function("Reserve", counted("Reserve", event -> "{\"ok\": true}"))
        .function("Charge", counted("Charge", event -> {
          if (!bankUp) {
            throw new LambdaFunctionError("BankDown", "try later");
          }
          return event;
        }))
        .build();
  }

  @Test
  @DisplayName("a redrive reruns only the failed state, continues the history and counts RedriveCount")
  void rerunsOnlyTheFailedState() {
    LocalStepFunctions sfn = sfn();
    Execution failed = sfn.start(machine(ORDER), "{\"orderId\": \"o-1\"}");
    assertEquals(ExecutionStatus.FAILED, failed.status());
    assertEquals("BankDown", failed.error());
    assertNull(failed.redriveStatusReason());

    bankUp = true;
    // snippet:redrive
    Execution redriven = sfn.redrive(failed); // FAILED, TIMED_OUT or ABORTED, ended in the last 14 days
    redriven.redriveCount();                  // 1; the history goes on with ExecutionRedriven
    // end-snippet

    assertEquals(ExecutionStatus.SUCCEEDED, redriven.status(), redriven.toString());
    assertEquals(1, calls("Reserve"), "the succeeded state does not run again");
    assertEquals(2, calls("Charge"));
    assertEquals(json("{'orderId':'o-1','reserved':{'ok':true},'charge':{'count':1}}"),
        json(redriven.output()));
    assertEquals(failed.executionArn(), redriven.executionArn());
    assertEquals(1, redriven.redriveCount());
    assertEquals(failed.startDate(), redriven.startDate());
    List<String> types = types(redriven);
    assertEquals(types(failed), types.subList(0, failed.history().size()),
        "the history goes on from the failed attempt");
    HistoryEvent redrivenEvent = redriven.history().get(failed.history().size());
    assertEquals("ExecutionRedriven", redrivenEvent.type());
    assertEquals(failed.history().size() + 1, redrivenEvent.id());
    assertEquals(1, redrivenEvent.details().path("redriveCount").asInt());
    assertEquals("TaskStateEntered", types.get(failed.history().size() + 1));
    assertEquals("Charge", redriven.history().get(failed.history().size() + 1).details()
        .path("name").asText());
  }

  @Test
  @DisplayName("a SUCCEEDED execution is not redrivable: ExecutionNotRedrivable with AWS's reason")
  void succeededIsNotRedrivable() {
    bankUp = true;
    LocalStepFunctions sfn = sfn();
    Execution done = sfn.start(machine(ORDER), "{}");
    StepFunctionsException e = assertThrows(StepFunctionsException.class, () -> sfn.redrive(done));
    assertEquals("ExecutionNotRedrivable", e.errorCode());
    assertEquals("Execution is SUCCEEDED and cannot be redriven", e.getMessage());
    assertTrue(done.describeJson().contains("\"redriveStatus\":\"NOT_REDRIVABLE\""));
  }

  @Test
  @DisplayName("in a Parallel state only the failed branch runs again")
  void parallelRerunsOnlyTheFailedBranch() {
    String flow = """
        {'StartAt': 'Both', 'States': {'Both': {'Type': 'Parallel', 'End': true, 'Branches': [
          {'StartAt': 'R', 'States': {'R': {'Type': 'Task', 'Resource': 'arn:aws:lambda:us-east-1:123456789012:function:Reserve', 'End': true}}},
          {'StartAt': 'C', 'States': {'C': {'Type': 'Task', 'Resource': 'arn:aws:lambda:us-east-1:123456789012:function:Charge', 'End': true}}}]}}}""";
    LocalStepFunctions sfn = sfn();
    Execution failed = sfn.start(machine(flow), "{\"n\": 1}");
    assertEquals(ExecutionStatus.FAILED, failed.status());
    bankUp = true;
    Execution redriven = sfn.redrive(failed);

    assertEquals(ExecutionStatus.SUCCEEDED, redriven.status(), redriven.toString());
    assertEquals(1, calls("Reserve"));
    assertEquals(2, calls("Charge"));
    assertEquals(json("[{'ok':true},{'n':1}]"), json(redriven.output()));
  }

  @Test
  @DisplayName("in a Map state only the failed iterations run again")
  void mapRerunsOnlyTheFailedIterations() {
    String flow = """
        {'StartAt': 'Each', 'States': {'Each': {'Type': 'Map', 'End': true,
          'ItemProcessor': {'StartAt': 'Pay', 'States': {'Pay': {'Type': 'Task',
            'Resource': 'arn:aws:lambda:us-east-1:123456789012:function:Pay', 'End': true}}}}}}""";
    Map<Integer, AtomicInteger> perItem = new ConcurrentHashMap<>();
    LocalStepFunctions sfn = engine().function("Pay", event -> {
      int item = json(event).path("item").asInt();
      perItem.computeIfAbsent(item, i -> new AtomicInteger()).incrementAndGet();
      if (item == 2 && !bankUp) {
        throw new LambdaFunctionError("BankDown", "item 2");
      }
      return event;
    }).build();
    Execution failed = sfn.start(machine(flow),
        "[{\"item\": 1}, {\"item\": 2}, {\"item\": 3}]");
    assertEquals(ExecutionStatus.FAILED, failed.status());
    int before1 = perItem.get(1).get();
    bankUp = true;
    Execution redriven = sfn.redrive(failed);

    assertEquals(ExecutionStatus.SUCCEEDED, redriven.status(), redriven.toString());
    assertEquals(json("[{'item':1},{'item':2},{'item':3}]"), json(redriven.output()));
    assertEquals(2, perItem.get(2).get());
    assertEquals(before1, perItem.get(1).get(), "a succeeded iteration does not run again");
  }

  @Test
  @DisplayName("a stopped execution can be redriven; a saved one loads and redrives the same")
  void savedStoppedExecutionRedrives(@TempDir Path dir) {
    String flow = """
        {'StartAt': 'Hold', 'States': {
          'Hold': {'Type': 'Wait', 'Seconds': 60, 'Next': 'Charge'},
          'Charge': {'Type': 'Task', 'Resource': 'arn:aws:lambda:us-east-1:123456789012:function:Charge', 'End': true}}}""";
    bankUp = true;
    LocalStepFunctions sfn = sfn();
    ExecutionHandle run = sfn.startExecution(machine(flow), "{\"orderId\": \"o-2\"}");
    run.stop("Paused", null);
    Execution stopped = run.await();
    assertEquals(ExecutionStatus.ABORTED, stopped.status());

    Path file = dir.resolve("order.execution.json");
    stopped.save(file);
    Execution loaded = Execution.load(file);
    assertEquals(stopped.executionArn(), loaded.executionArn());
    assertEquals(types(stopped), types(loaded));

    Execution redriven = sfn.redrive(loaded);
    assertEquals(ExecutionStatus.SUCCEEDED, redriven.status(), redriven.toString());
    assertEquals(List.of("ExecutionStarted", "WaitStateEntered", "ExecutionAborted",
        "ExecutionRedriven", "WaitStateEntered", "WaitStateExited", "TaskStateEntered",
        "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded",
        "TaskStateExited", "ExecutionSucceeded"), types(redriven));
  }

  @Test
  @DisplayName("a saved file that is not JSON, or not a saved execution, is refused naming the file")
  void badSavedFilesAreRefused(@TempDir Path dir) throws Exception {
    Path notJson = Files.writeString(dir.resolve("a.json"), "{oops");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Execution.load(notJson));
    assertTrue(e.getMessage().startsWith(notJson.toString()), e.getMessage());
    Path other = Files.writeString(dir.resolve("b.json"), "{\"StartAt\": \"A\"}");
    e = assertThrows(IllegalArgumentException.class, () -> Execution.load(other));
    assertTrue(e.getMessage().startsWith(other.toString()), e.getMessage());
  }
}
