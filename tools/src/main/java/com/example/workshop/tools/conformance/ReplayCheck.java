package com.example.workshop.tools.conformance;

import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.ExecutionHandle;
import com.example.workshop.runtime.sfn.LocalStepFunctions;
import com.example.workshop.runtime.sfn.PendingTask;
import com.example.workshop.runtime.sfn.StartOptions;
import com.example.workshop.runtime.sfn.StateMachine;
import com.example.workshop.runtime.sfn.StepFunctionsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * A case of conformance-next's {@code callback/}, {@code services/}, {@code stop/} and
 * {@code distributed_map/} groups: its {@code s3_objects} given to the engine, its Tasks answered by
 * the recorded {@code mocks}, its {@code callbacks} sent in order once their task is submitted, its {@code stop} sent once the recorded event is written; then compared as an
 * execution case ({@link ExecutionCheck#compare}).
 */
final class ReplayCheck implements CaseCheck {
  /** How long a stop request waits for its event (the execution runs without time passing). */
  private static final long STOP_WAIT_MILLIS = 10_000;

  private final ExecutionCheck execution;

  ReplayCheck(ExecutionCheck execution) {
    this.execution = execution;
  }

  /** The execution of the file's previous case, which a DescribeExecution case may read. */
  private String lastFile;
  private Execution lastExecution;

  @Override
  public String check(VectorFile file, JsonNode c) {
    if (c.has("api")) {
      return describe(file, c);
    }
    return run(file, c, true);
  }

  /**
   * Runs the case; null when it matches its recording (only its status when {@code compare} is
   * false). Its execution is kept for the next case.
   */
  private String run(VectorFile file, JsonNode c, boolean compare) {
    lastFile = file.path();
    lastExecution = null;
    LocalStepFunctions.Builder engine = ExecutionCheck.engine(file);
    for (JsonNode object : c.path("s3_objects")) {
      engine.s3Object(object.path("bucket").asText(), object.path("key").asText(),
          object.path("body").asText());
    }
    StartOptions options = ExecutionCheck.options();
    if (c.path("mocks").size() > 0) {
      engine.mockConfig(RecordedMocks.write(ExecutionCheck.MACHINE, c.get("mocks")));
      options = options.withTestCase(RecordedMocks.TEST_CASE);
    }
    LocalStepFunctions sfn = engine.build();
    StateMachine machine = StateMachine.parse(c.path("definition").toString(), Map.of());
    ExecutionHandle run = sfn.startExecution(machine, c.path("input").toString(), options);
    try {
      for (JsonNode callback : c.path("callbacks")) {
        String problem = send(sfn, run, callback);
        if (problem != null) {
          return problem;
        }
      }
      if (c.has("stop")) {
        String problem = stop(run, c.get("stop"));
        if (problem != null) {
          return problem;
        }
      }
      lastExecution = run.await();
      String status = c.path("expected").path("status").asText();
      if (!compare) {
        return status.equals(lastExecution.status().name()) ? null
            : "status " + lastExecution + ", expected " + status;
      }
      return execution.compare(c, lastExecution);
    } finally {
      run.stop(null, null); // a case that failed early leaves nothing running
    }
  }

  /** DescribeExecution on this case's execution, or on the previous case's when it has no outcome of its own. */
  private String describe(VectorFile file, JsonNode c) {
    if (!c.path("api").asText().equals("DescribeExecution")) {
      throw new CannotReplay("the API call " + c.path("api").asText() + " is not replayed here");
    }
    if (c.has("expected")) { // the case's own execution, its outcome the described one below
      String problem = run(file, c, false);
      if (problem != null) {
        return problem;
      }
    } else if (!file.path().equals(lastFile) || lastExecution == null) {
      throw new CannotReplay("DescribeExecution of an execution no earlier case of the file ran");
    }
    JsonNode actual = Expected.snapshotForm(Expected.parseOrNull(lastExecution.describeJson()));
    return Expected.matches(c.get("expected_response"), actual) ? null
        : "DescribeExecution " + actual + ", expected " + c.get("expected_response");
  }

  /** Sends one recorded SendTask* call to the task at its state; null when it was sent. */
  private static String send(LocalStepFunctions sfn, ExecutionHandle run, JsonNode callback) {
    String state = callback.path("state").asText();
    Optional<PendingTask> task = run.awaitTask(state);
    if (task.isEmpty()) {
      return "no task token at state " + state + " for " + callback.path("action").asText()
          + " (" + run.snapshot() + ")";
    }
    String token = task.get().taskToken();
    try {
      switch (callback.path("action").asText()) {
        case "SendTaskHeartbeat" -> {
          for (int i = 0; i < callback.path("count").asInt(1); i++) {
            sfn.sendTaskHeartbeat(token);
          }
        }
        case "SendTaskSuccess" -> sfn.sendTaskSuccess(token, callback.path("output").toString());
        case "SendTaskFailure" -> sfn.sendTaskFailure(token, text(callback, "error"),
            text(callback, "cause"));
        default -> throw new CannotReplay("unknown callback action " + callback.path("action"));
      }
    } catch (StepFunctionsException e) {
      return callback.path("action").asText() + " at " + state + " refused: " + e;
    }
    return null;
  }

  /** StopExecution once the recorded event (its id) is in the history. */
  private static String stop(ExecutionHandle run, JsonNode stop) {
    long afterId = stop.path("after_event_id").asLong();
    long deadline = System.currentTimeMillis() + STOP_WAIT_MILLIS;
    while (run.snapshot().history().size() < afterId) {
      if (System.currentTimeMillis() > deadline) {
        return "event " + afterId + " (" + stop.path("after_event_type").asText()
            + ") never came to stop after: " + run.snapshot();
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted";
      }
    }
    run.stop(null, null);
    return null;
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }
}
