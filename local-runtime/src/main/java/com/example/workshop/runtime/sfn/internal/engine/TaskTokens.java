package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.Ids;
import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The task tokens of every execution of one LocalStepFunctions, and SendTaskSuccess, -Failure and
 * -Heartbeat with the errors AWS returns: a string that is no token of ours is an {@code
 * InvalidToken}; a token of ours that was never issued {@code TaskDoesNotExist}; a token whose task
 * no longer waits (answered, timed out, aborted, execution ended) {@code TaskTimedOut}.
 */
public final class TaskTokens {
  private static final Pattern FORMAT = Pattern.compile(
      "local-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  /** API length constraints of SendTask*. */
  private static final int TOKEN_MAX = 1024;
  private static final int OUTPUT_MAX = 262_144;
  private static final int ERROR_MAX = 256;
  private static final int CAUSE_MAX = 32_768;

  private final Map<String, WaitingTask> tasks = new ConcurrentHashMap<>();

  /** A new token for a task of {@code strand}'s execution, open from now on. */
  WaitingTask issue(String stateName, Strand strand, RandomGenerator random) {
    ExecutionControl control = strand.run().control();
    WaitingTask task = new WaitingTask("local-" + Ids.uuid(random), stateName, control, strand,
        strand.run().scheduler().now());
    tasks.put(task.token(), task);
    control.issued(task);
    return task;
  }

  /** SendTaskSuccess: {@code output} (JSON text) becomes the task's result. */
  public void succeed(String token, String output) {
    WaitingTask task = find(token);
    if (output == null) {
      throw ApiError.missing("output");
    }
    if (output.length() > OUTPUT_MAX) {
      throw ApiError.tooLong("output", OUTPUT_MAX);
    }
    JsonNode value;
    try {
      value = Json.parse(output);
    } catch (IllegalArgumentException e) {
      throw new ApiError("InvalidOutput", "Invalid Output: the output is not JSON: "
          + e.getMessage());
    }
    answer(task, new WaitingTask.Answer(value, null, null));
  }

  /** SendTaskFailure: the task fails with {@code error} and {@code cause} (either may be null). */
  public void fail(String token, String error, String cause) {
    WaitingTask task = find(token);
    if (error != null && error.length() > ERROR_MAX) {
      throw ApiError.tooLong("error", ERROR_MAX);
    }
    if (cause != null && cause.length() > CAUSE_MAX) {
      throw ApiError.tooLong("cause", CAUSE_MAX);
    }
    answer(task, new WaitingTask.Answer(null, error, cause));
  }

  /** SendTaskHeartbeat: the task's HeartbeatSeconds start again. */
  public void heartbeat(String token) {
    WaitingTask task = find(token);
    if (!task.isOpen()) {
      throw closed();
    }
    task.control.post(new ExecutionControl.Message.Heartbeat(task));
  }

  private static void answer(WaitingTask task, WaitingTask.Answer answer) {
    if (!task.answer(answer)) {
      throw closed();
    }
    task.control.post(new ExecutionControl.Message.Answered(task));
  }

  private WaitingTask find(String token) {
    if (token == null) {
      throw ApiError.missing("taskToken");
    }
    if (token.isEmpty() || token.length() > TOKEN_MAX) {
      throw new ApiError("ValidationException", "1 validation error detected: Value at 'taskToken'"
          + " failed to satisfy constraint: Member must have length "
          + (token.isEmpty() ? "greater than or equal to 1" : "less than or equal to " + TOKEN_MAX));
    }
    WaitingTask task = tasks.get(token);
    if (task != null) {
      return task;
    }
    if (!FORMAT.matcher(token).matches()) {
      throw new ApiError("InvalidToken", "Invalid Token: 'Invalid token'"); // as AWS answers
    }
    throw new ApiError("TaskDoesNotExist", "Task does not exist: no execution of this"
        + " LocalStepFunctions issued the token '" + token + "'");
  }

  private static ApiError closed() {
    return new ApiError("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
  }
}
