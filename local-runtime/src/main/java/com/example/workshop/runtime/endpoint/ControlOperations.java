package com.example.workshop.runtime.endpoint;

import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.ExecutionHandle;
import com.example.workshop.runtime.sfn.LocalStepFunctions;
import com.example.workshop.runtime.sfn.StepFunctionsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * StopExecution, RedriveExecution, SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat: the
 * request is checked as AWS checks it, then handed to the engine's API (ExecutionHandle.stop,
 * LocalStepFunctions.redriveExecution and sendTask*), whose refusals carry AWS's error type and
 * message, and TestState (LocalStepFunctions.testStateJson).
 */
final class ControlOperations {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Registry registry;
  private final Engines engines;
  private final String defaultRole;
  private final Executor workers;
  private final ExecutionOperations executions;
  private final Clock clock;

  ControlOperations(Registry registry, Engines engines, String defaultRole, Executor workers,
      ExecutionOperations executions, Clock clock) {
    this.registry = registry;
    this.engines = engines;
    this.defaultRole = defaultRole;
    this.workers = workers;
    this.executions = executions;
    this.clock = clock;
  }

  ObjectNode stop(Request r) {
    String arn = r.text("executionArn", true, 1, 256);
    String error = r.sensitive("error", false, 0, 256);
    String cause = r.sensitive("cause", false, 0, 32_768);
    r.check();
    Arns.requireExecution(arn);
    StoredExecution e = registry.execution(arn);
    engine(() -> {
      e.handle().stop(error, cause);
      return null;
    });
    e.wake(workers, executions.ended(e.machine));
    ObjectNode out = Responses.object();
    out.set("stopDate", Responses.date(clock.instant()));
    return out;
  }

  ObjectNode redrive(Request r) {
    String arn = r.text("executionArn", true, 1, 256);
    r.text("clientToken", false, 1, 64);
    r.check();
    Arns.requireExecution(arn);
    StoredExecution e = registry.execution(arn);
    Execution ended = e.current();
    ExecutionHandle run = engine(() -> engines.forRole(e.machine.roleArn()).redriveExecution(ended));
    e.attach(run, workers, executions.ended(e.machine));
    ObjectNode out = Responses.object();
    out.set("redriveDate", Responses.date(clock.instant()));
    return out;
  }

  ObjectNode taskSuccess(Request r) {
    String token = token(r);
    String output = r.sensitive("output", true, 0, 262_144);
    r.check();
    return answer(engine -> engine.sendTaskSuccess(token, output));
  }

  ObjectNode taskFailure(Request r) {
    String token = token(r);
    String error = r.sensitive("error", false, 0, 256);
    String cause = r.sensitive("cause", false, 0, 32_768);
    r.check();
    return answer(engine -> engine.sendTaskFailure(token, error, cause));
  }

  ObjectNode taskHeartbeat(Request r) {
    String token = token(r);
    r.check();
    return answer(engine -> engine.sendTaskHeartbeat(token));
  }

  /** TestState runs on the engine of the default role; its request and response are the API's JSON. */
  ObjectNode testState(Request r) {
    String response = engine(() -> engines.forRole(defaultRole).testStateJson(r.json()));
    try {
      return (ObjectNode) JSON.readTree(response);
    } catch (JsonProcessingException e) {
      throw ApiError.internal("TestState answered with no JSON object: " + e.getOriginalMessage());
    }
  }

  private static String token(Request r) {
    return r.text("taskToken", true, 1, 2048);
  }

  /**
   * Sends a token's answer to the engine that issued it (one per execution role; the others say
   * TaskDoesNotExist), then lets the executions' clocks move again.
   */
  private ObjectNode answer(Consumer<LocalStepFunctions> send) {
    engines.forRole(defaultRole);
    StepFunctionsException notHere = null;
    for (LocalStepFunctions engine : engines.all()) {
      try {
        send.accept(engine);
        notHere = null;
        break;
      } catch (StepFunctionsException e) {
        if (!e.errorCode().equals("TaskDoesNotExist")) {
          throw new ApiError(e.errorCode(), e.getMessage());
        }
        notHere = e;
      }
    }
    if (notHere != null) {
      throw new ApiError(notHere.errorCode(), notHere.getMessage());
    }
    for (StoredExecution e : registry.running()) {
      e.wake(workers, executions.ended(e.machine));
    }
    return Responses.object();
  }

  /** Calls the engine; its refusals become the API's error answers. */
  private static <T> T engine(Supplier<T> call) {
    try {
      return call.get();
    } catch (StepFunctionsException e) {
      throw new ApiError(e.errorCode(), e.getMessage());
    }
  }
}
