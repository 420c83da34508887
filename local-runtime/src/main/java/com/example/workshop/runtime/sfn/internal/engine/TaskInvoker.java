package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.ErrorNames;
import com.example.workshop.runtime.sfn.internal.asl.Ids;
import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.asl.Limits;
import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import com.example.workshop.runtime.sfn.internal.history.Cursor;
import com.example.workshop.runtime.sfn.internal.history.EventType;
import com.example.workshop.runtime.sfn.internal.history.HistoryRecorder;
import com.example.workshop.runtime.sfn.internal.model.TaskState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Calls a Task's resource and writes the Task's events: a Lambda function by direct ARN
 * (LambdaFunction* events) or through {@code arn:aws:states:::lambda:invoke} (Task* events), or
 * any other resource answered by the mock configuration. A callback ({@code .waitForTaskToken})
 * or {@code .sync} task is submitted (TaskSubmitted) and then waits for its token.
 */
final class TaskInvoker {
  static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
  static final String LAMBDA_INVOKE_CALLBACK = LAMBDA_INVOKE + ".waitForTaskToken";

  /** A task's outcome: its result now (a mock, a service), or work still going on. */
  sealed interface Invocation {
    record Done(JsonNode result) implements Invocation {}

    /**
     * A function call still running. {@code limitSeconds}: TimeoutSeconds or HeartbeatSeconds,
     * whichever is shorter (null: none); {@code onReply} writes the outcome's events and says what
     * follows; {@code onTimeout} writes the timed-out event and gives the error.
     */
    record Pending(Call call, Long limitSeconds, Function<FunctionRunner.Reply, Invocation> onReply,
        Supplier<StatesError> onTimeout) implements Invocation {}

    /** The task times out {@code limitSeconds} in (a fake that ran past it, a mocked timeout). */
    record Overran(long limitSeconds, Supplier<StatesError> onTimeout) implements Invocation {}

    /**
     * The task was submitted and waits for its token, racing TimeoutSeconds and HeartbeatSeconds
     * (null: none) counted from {@code startedAt}.
     */
    record Waiting(WaitingTask task, long startedAt, Long timeoutSeconds, Long heartbeatSeconds,
        String resourceType) implements Invocation {}
  }

  private TaskInvoker() {}

  /**
   * The task's result.
   *
   * @throws StatesError the task failed (its failure event is written)
   */
  static Invocation invoke(Visit v, TaskState t, JsonNode effective, Long timeout,
      Long heartbeat) {
    if (t.resource().equals(LAMBDA_INVOKE) || t.resource().equals(LAMBDA_INVOKE_CALLBACK)) {
      return lambdaInvoke(v, t, effective, timeout, heartbeat);
    }
    if (t.resource().startsWith("arn:aws:lambda:") || t.resource().contains(":function:")) {
      return lambdaDirect(v, t, effective, timeout, heartbeat);
    }
    return service(v, t, effective, timeout, heartbeat);
  }

  private static Invocation lambdaDirect(Visit v, TaskState t, JsonNode effective, Long timeout,
      Long heartbeat) {
    HistoryRecorder h = v.run().history();
    Cursor c = v.strand.cursor();
    h.lambdaScheduled(c, t.resource(), effective, timeout);
    h.record(c, EventType.LAMBDA_FUNCTION_STARTED);
    MockConfig.Response mock = mock(v, t);
    if (mock != null) {
      if (mock.isThrow() && ErrorNames.TIMEOUT.equals(mock.error())) {
        return timedOut(limit(timeout, heartbeat), () -> lambdaFailed(v,
            EventType.LAMBDA_FUNCTION_TIMED_OUT, mock.error(), mock.cause()));
      }
      if (mock.isThrow()) {
        throw lambdaFailed(v, EventType.LAMBDA_FUNCTION_FAILED, mock.error(), mock.cause());
      }
      if (mock.bytes() > Limits.PAYLOAD_BYTES) {
        StatesError e = Visit.dataLimit(t.resource());
        throw lambdaFailed(v, EventType.LAMBDA_FUNCTION_FAILED, e.error(), e.cause());
      }
      h.lambdaSucceeded(c, mock.text());
      return new Invocation.Done(mock.value());
    }
    String function = FunctionRunner.functionName(t.resource());
    FunctionRunner fn = v.run().config().functions().apply(function);
    if (fn == null) {
      throw lambdaFailed(v, EventType.LAMBDA_FUNCTION_FAILED, "Lambda.ResourceNotFoundException",
          notFound(v, function));
    }
    Function<FunctionRunner.Reply, Invocation> onReply =
        reply -> new Invocation.Done(directReply(v, t, reply));
    Supplier<StatesError> onTimeout = () -> lambdaFailed(v, EventType.LAMBDA_FUNCTION_TIMED_OUT,
        timeoutError(timeout, heartbeat), null);
    if (!fn.measured()) {
      return atOnce(v, fn, Json.text(effective), limit(timeout, heartbeat), onReply, onTimeout);
    }
    return new Invocation.Pending(call(v, fn, Json.text(effective)), limit(timeout, heartbeat),
        onReply, onTimeout);
  }

  /**
   * Runs a fake (not a Java handler) on the strand's thread: it takes no virtual time, so that
   * fakes give the same history every run, unless it runs past the Task's limit in real time; then
   * it times out at the limit, as it would have if its time counted.
   */
  private static Invocation atOnce(Visit v, FunctionRunner fn, String event, Long limitSeconds,
      Function<FunctionRunner.Reply, Invocation> onReply, Supplier<StatesError> onTimeout) {
    long start = System.nanoTime();
    FunctionRunner.Reply reply = fn.invoke(event, Ids.uuid(v.random()));
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    if (limitSeconds != null && tookMillis >= Time.plusSeconds(0, limitSeconds)) {
      return new Invocation.Overran(limitSeconds, onTimeout);
    }
    return onReply.apply(reply);
  }

  /** A mocked timeout: at the task's limit when it has one, else at once. */
  private static Invocation timedOut(Long limitSeconds, Supplier<StatesError> onTimeout) {
    if (limitSeconds == null) {
      throw onTimeout.get();
    }
    return new Invocation.Overran(limitSeconds, onTimeout);
  }

  private static JsonNode directReply(Visit v, TaskState t, FunctionRunner.Reply reply) {
    if (reply.failed()) {
      throw lambdaFailed(v, EventType.LAMBDA_FUNCTION_FAILED, reply.errorType(),
          reformat(reply.errorDocument(), true));
    }
    String payload = reply.payload();
    if (payload.getBytes(StandardCharsets.UTF_8).length > Limits.PAYLOAD_BYTES) {
      StatesError e = Visit.dataLimit(t.resource());
      throw lambdaFailed(v, EventType.LAMBDA_FUNCTION_FAILED, e.error(), e.cause());
    }
    JsonNode result = parseOutput(payload);
    v.run().history().lambdaSucceeded(v.strand.cursor(), payload);
    return result;
  }

  private static Invocation lambdaInvoke(Visit v, TaskState t, JsonNode parameters,
      Long timeout, Long heartbeat) {
    String name = resourceName(t.resource());
    v.run().history().taskScheduled(v.strand.cursor(), name, "lambda",
        v.run().config().region(), parameters, timeout, heartbeat);
    MockConfig.Response mock = mock(v, t);
    if (mock != null) {
      return mocked(v, t, mock, "lambda", timeout, heartbeat);
    }
    JsonNode nameNode = parameters.get("FunctionName");
    if (nameNode == null || !nameNode.isTextual()) {
      throw taskFailed(v, t, EventType.TASK_FAILED, ErrorNames.RUNTIME,
          "The field 'FunctionName' is required in the Parameters of '" + t.name()
              + "' (" + t.resource() + ").", "lambda");
    }
    String function = FunctionRunner.functionName(nameNode.asText());
    JsonNode payloadNode = parameters.get("Payload");
    String event = payloadNode == null || payloadNode.isNull() ? "{}"
        : payloadNode.isTextual() ? payloadNode.asText() : Json.text(payloadNode);
    FunctionRunner fn = v.run().config().functions().apply(function);
    if (fn == null) {
      throw taskFailed(v, t, EventType.TASK_FAILED, "Lambda.ResourceNotFoundException",
          notFound(v, function), "lambda");
    }
    long startedAt = v.run().scheduler().now();
    Function<FunctionRunner.Reply, Invocation> onReply = reply -> {
      JsonNode response = invokeReply(v, t, reply);
      if (v.taskToken == null) {
        return new Invocation.Done(taskSucceeded(v, t, "lambda", response));
      }
      v.run().history().taskSubmitted(v.strand.cursor(), name, "lambda", response);
      return new Invocation.Waiting(v.waitingTask, startedAt, timeout, heartbeat, "lambda");
    };
    Supplier<StatesError> onTimeout = () -> taskFailed(v, t, EventType.TASK_TIMED_OUT,
        timeoutError(timeout, heartbeat), null, "lambda");
    if (!fn.measured()) {
      return atOnce(v, fn, event, limit(timeout, heartbeat), onReply, onTimeout);
    }
    return new Invocation.Pending(call(v, fn, event), limit(timeout, heartbeat), onReply,
        onTimeout);
  }

  /** The Invoke API's response around the function's payload; a function error fails the task. */
  private static JsonNode invokeReply(Visit v, TaskState t, FunctionRunner.Reply reply) {
    if (reply.failed()) {
      throw taskFailed(v, t, EventType.TASK_FAILED, reply.errorType(),
          reformat(reply.errorDocument(), false), "lambda");
    }
    String payload = reply.payload();
    if (payload.getBytes(StandardCharsets.UTF_8).length > Limits.PAYLOAD_BYTES) {
      StatesError e = Visit.dataLimit("lambda");
      throw taskFailed(v, t, EventType.TASK_FAILED, e.error(), e.cause(), "lambda");
    }
    return InvokeResponse.of(payload, parseOutput(payload), v.run().scheduler().now(),
        v.random());
  }

  /**
   * Any other resource: only a mock answers it here. An unmocked one fails with TaskFailed
   * (States.Runtime, which nothing catches), saying how to mock it.
   */
  private static Invocation service(Visit v, TaskState t, JsonNode parameters, Long timeout,
      Long heartbeat) {
    String type = resourceType(t.resource());
    checkHeaders(v, type, parameters);
    v.run().history().taskScheduled(v.strand.cursor(), resourceName(t.resource()), type,
        v.run().config().region(), parameters, timeout, heartbeat);
    MockConfig.Response mock = mock(v, t);
    if (mock == null) {
      throw taskFailed(v, t, EventType.TASK_FAILED, ErrorNames.RUNTIME, "local-runtime cannot"
          + " call the resource '" + t.resource() + "' of state '" + t.name() + "': only Lambda"
          + " functions run locally. Mock this state in a MockConfigFile test case"
          + " (--mock-config/--test-case).", type);
    }
    return mocked(v, t, mock, type, timeout, heartbeat);
  }

  /**
   * API Gateway's Headers map each name to an array of values; AWS refuses anything else before
   * the task is scheduled (as recorded).
   */
  private static void checkHeaders(Visit v, String type, JsonNode parameters) {
    JsonNode headers = parameters.get("Headers");
    if (!type.equals("apigateway") || headers == null) {
      return;
    }
    boolean valid = headers.isObject();
    for (JsonNode values : headers) {
      valid &= values.isArray();
    }
    if (!valid) {
      throw v.runtimeError("The Parameters '" + Json.text(parameters) + "' could not be used to"
          + " start the Task: [The value of the field 'Headers' has an invalid format]");
    }
  }

  /**
   * A mocked invocation: Submitted writes TaskSubmitted; then Return succeeds, Throw fails (a
   * States.Timeout times out), and Submitted alone waits for the task token.
   */
  private static Invocation mocked(Visit v, TaskState t, MockConfig.Response mock, String type,
      Long timeout, Long heartbeat) {
    String name = resourceName(t.resource());
    long startedAt = v.run().scheduler().now();
    if (mock.submitted() != null) {
      if (v.taskToken == null) {
        throw taskFailed(v, t, EventType.TASK_FAILED, ErrorNames.RUNTIME, "The mocked response"
            + " of state '" + t.name() + "' has \"Submitted\", which only a callback"
            + " (.waitForTaskToken) or .sync task has; use \"Return\" or \"Throw\".", type);
      }
      v.run().history().taskSubmitted(v.strand.cursor(), name, type, mock.submitted());
    }
    if (mock.isThrow() && ErrorNames.TIMEOUT.equals(mock.error())) {
      return timedOut(limit(timeout, heartbeat), () -> taskFailed(v, t, EventType.TASK_TIMED_OUT,
          mock.error(), mock.cause(), type));
    }
    if (mock.isThrow()) {
      throw taskFailed(v, t, EventType.TASK_FAILED, mock.error(), mock.cause(), type);
    }
    if (mock.waits()) {
      return new Invocation.Waiting(v.waitingTask, startedAt, timeout, heartbeat, type);
    }
    return new Invocation.Done(taskSucceeded(v, t, type, mock.value()));
  }

  private static MockConfig.Response mock(Visit v, TaskState t) {
    return v.run().mock(t.name());
  }

  /** Starts the function on a worker thread; its measured duration is the task's. */
  private static Call call(Visit v, FunctionRunner fn, String event) {
    String requestId = Ids.uuid(v.random());
    return v.run().scheduler().call(v.strand, () -> fn.invoke(event, requestId));
  }

  /** The shorter of HeartbeatSeconds (no heartbeats come from a function) and TimeoutSeconds. */
  private static Long limit(Long timeout, Long heartbeat) {
    return heartbeat != null && (timeout == null || heartbeat < timeout) ? heartbeat : timeout;
  }

  static JsonNode taskSucceeded(Visit v, TaskState t, String type, JsonNode result) {
    v.run().history().taskSucceeded(v.strand.cursor(), resourceName(t.resource()), type, result);
    return result;
  }

  /**
   * Writes TaskFailed or TaskTimedOut. A TaskTimedOut's error output shows an empty Cause, as AWS
   * records it for lambda:invoke; a LambdaFunctionTimedOut's shows none.
   */
  static StatesError taskFailed(Visit v, TaskState t, EventType type, String error,
      String cause, String resourceType) {
    v.run().history().taskFailed(v.strand.cursor(), type, error, cause,
        resourceName(t.resource()), resourceType);
    StatesError e = new StatesError(error, cause);
    return type == EventType.TASK_TIMED_OUT && cause == null ? e.withOutputCause("") : e;
  }

  private static StatesError lambdaFailed(Visit v, EventType type, String error, String cause) {
    v.run().history().lambdaFailed(v.strand.cursor(), type, error, cause);
    return new StatesError(error, cause);
  }

  private static String timeoutError(Long timeout, Long heartbeat) {
    return heartbeat != null && (timeout == null || heartbeat < timeout)
        ? ErrorNames.HEARTBEAT_TIMEOUT : ErrorNames.TIMEOUT;
  }

  private static String notFound(Visit v, String function) {
    return "Function not found: arn:aws:lambda:" + v.run().config().region() + ":"
        + v.run().config().accountId() + ":function:" + function
        + ":$LATEST (Service: AWSLambda; Status Code: 404; Error Code:"
        + " ResourceNotFoundException; Request ID: " + Ids.uuid(v.random()) + "; Proxy: null)";
  }

  /** The error document as AWS shows it: spaced for direct ARNs, compact for lambda:invoke. */
  private static String reformat(String document, boolean spaced) {
    try {
      JsonNode doc = Json.parse(document);
      return spaced ? Json.spacedText(doc) : Json.text(doc);
    } catch (IllegalArgumentException notJson) {
      return document;
    }
  }

  /** Function output text → JSON value; non-JSON text becomes a string. */
  private static JsonNode parseOutput(String payload) {
    try {
      return Json.parse(payload);
    } catch (IllegalArgumentException e) {
      return TextNode.valueOf(payload);
    }
  }

  /**
   * The resource type as the history names it: {@code arn:aws:states:::dynamodb:putItem} →
   * {@code dynamodb}, {@code arn:aws:states:::aws-sdk:dynamodb:putItem} → {@code aws-sdk:dynamodb}.
   */
  static String resourceType(String resource) {
    String integration = integration(resource);
    if (integration == null) {
      return resource;
    }
    int colon = integration.indexOf(':', integration.startsWith("aws-sdk:") ? 8 : 0);
    return colon < 0 ? integration : integration.substring(0, colon);
  }

  /** The resource as the history names it: {@code putItem}, {@code startExecution.sync:2}. */
  static String resourceName(String resource) {
    String integration = integration(resource);
    if (integration == null) {
      return resource;
    }
    String type = resourceType(resource);
    return integration.length() > type.length() ? integration.substring(type.length() + 1)
        : integration;
  }

  /** What follows {@code arn:<partition>:states:::}, or null for another kind of ARN. */
  private static String integration(String resource) {
    String[] parts = resource.split(":", 6);
    return parts.length == 6 && parts[2].equals("states") && parts[3].isEmpty()
        && parts[4].isEmpty() ? parts[5] : null;
  }
}
