package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** One execution being interpreted: single-threaded, records history as it goes. */
final class Run {
  static final int PAYLOAD_LIMIT = 262_144;
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final String RUNTIME_PREFIX = "An error occurred while executing the state '";

  /** Machine TimeoutSeconds reached: ends the execution as TIMED_OUT, never caught. */
  static final class TimedOut extends RuntimeException {
    TimedOut() {
      super("execution timed out", null, false, false);
    }
  }

  /** The 25,000-event history quota was exceeded. */
  static final class HistoryLimit extends RuntimeException {
    HistoryLimit() {
      super("history limit", null, false, false);
    }
  }

  private record Step(JsonNode output, String next) {}

  /** Per state visit: what {@code $$.State} and {@code $$.Map} show. */
  private final class Frame implements PayloadTemplate.Context {
    final String stateName;
    final long enteredMillis;
    final Variables vars;
    int retryCount = -1;
    int mapIndex = -1;
    JsonNode mapValue;
    /** {@code $$.Task.Token} of a .waitForTaskToken task (mocked locally), else null. */
    String taskToken;
    /** The state's StateEntered event id, and the id an EvaluationFailed event follows. */
    long enteredId;
    long evaluationFailedAfter;

    Frame(String stateName, long enteredMillis, Variables vars) {
      this.stateName = stateName;
      this.enteredMillis = enteredMillis;
      this.vars = vars;
    }

    @Override
    public java.util.Map<String, JsonNode> variables() {
      return vars;
    }

    @Override
    public JsonNode get() {
      ObjectNode ctx = Json.object();
      ctx.set("Execution", executionContext());
      ctx.set("StateMachine", stateMachineContext);
      ObjectNode state = ctx.putObject("State");
      state.put("Name", stateName);
      state.put("EnteredTime", ISO_MILLIS.format(Instant.ofEpochMilli(enteredMillis)));
      if (retryCount >= 0) {
        state.put("RetryCount", retryCount);
      }
      if (taskToken != null) {
        ctx.putObject("Task").put("Token", taskToken);
      }
      if (mapIndex >= 0) {
        ObjectNode item = ctx.putObject("Map").putObject("Item");
        item.put("Index", mapIndex);
        item.set("Value", mapValue);
      }
      return ctx;
    }
  }

  private final LocalStepFunctions env;
  private final CompiledMachine machine;
  final String stateMachineName;
  final String executionName;
  final String executionArn;
  final String stateMachineArn;
  private final JsonNode input;
  private ObjectNode executionContext;
  private ObjectNode stateMachineContext;
  private final Map<String, String> mocks;
  private final Map<String, Integer> mockInvocations = new HashMap<>();
  private final Random random;
  private final int historyLimit;
  /** Length of the input text: small inputs skip the payload-size check. */
  int inputChars = Integer.MAX_VALUE;
  /** The input exactly as given to start (AWS echoes it in ExecutionStarted). */
  String inputText;

  final List<Event> events;
  final List<String> visited;
  final List<String> failedStates = new ArrayList<>();
  final List<String> retriedStates = new ArrayList<>();
  private long last;
  private Frame currentFrame;
  private boolean recording = true;
  private long now;
  private final long startMillis;
  private final long deadline;

  ExecutionStatus status = ExecutionStatus.RUNNING;
  JsonNode output;
  String error;
  String cause;

  Run(LocalStepFunctions env, CompiledMachine machine, JsonNode input, String stateMachineName,
      String executionName, Map<String, String> mocks, Random random) {
    this.env = env;
    this.machine = machine;
    this.input = input;
    this.stateMachineName = stateMachineName;
    this.executionName = executionName;
    this.mocks = mocks;
    this.random = random;
    this.historyLimit = env.historyLimit;
    // sized like this machine's previous execution: long histories do not regrow their lists
    this.events = new ArrayList<>(Math.min(machine.eventsHint, historyLimit) + 8);
    this.visited = new ArrayList<>(machine.eventsHint / 2 + 8);
    String prefix = "arn:aws:states:" + env.region + ":" + env.accountId + ":";
    this.stateMachineArn = prefix + "stateMachine:" + stateMachineName;
    this.executionArn = prefix + "execution:" + stateMachineName + ":" + executionName;
    this.now = env.clock.millis();
    this.startMillis = now;
    this.deadline = machine.timeoutSeconds == null ? Long.MAX_VALUE
        : startMillis + machine.timeoutSeconds * 1000L;
  }

  /** {@code $$.Execution} (and {@code $$.StateMachine}), built on first use. */
  private ObjectNode executionContext() {
    if (executionContext == null) {
      executionContext = Json.object();
      executionContext.put("Id", executionArn);
      executionContext.set("Input", input);
      executionContext.put("StartTime", ISO_MILLIS.format(Instant.ofEpochMilli(startMillis)));
      executionContext.put("Name", executionName);
      executionContext.put("RoleArn", env.roleArn);
      executionContext.put("RedriveCount", 0);
      stateMachineContext = Json.object();
      stateMachineContext.put("Id", stateMachineArn);
      stateMachineContext.put("Name", stateMachineName);
    }
    return executionContext;
  }

  long startMillis() {
    return startMillis;
  }

  // ---------------------------------------------------------------- execution

  void execute() {
    try {
      run();
    } finally {
      machine.eventsHint = events.size();
    }
  }

  private void run() {
    PayloadTemplate.RANDOM.set(random);
    emit("ExecutionStarted", null, "executionStartedEventDetails", () -> {
      ObjectNode d = Json.object();
      d.put("input", inputText != null ? inputText : Json.text(input));
      d.set("inputDetails", notTruncated());
      d.put("roleArn", env.roleArn);
      return d;
    });
    last = 0;
    try {
      if (inputChars * 3L > PAYLOAD_LIMIT
          && Json.text(input).getBytes(StandardCharsets.UTF_8).length > PAYLOAD_LIMIT) {
        throw new StatesError("States.DataLimitExceeded",
            "The execution input exceeds the maximum number of bytes service limit.");
      }
      JsonNode out = runBranch(machine.top, input, new Variables(null));
      status = ExecutionStatus.SUCCEEDED;
      output = out;
      emit("ExecutionSucceeded", null, "executionSucceededEventDetails", () -> {
        ObjectNode d = Json.object();
        d.put("output", Json.text(out));
        d.set("outputDetails", notTruncated());
        return d;
      });
    } catch (StatesError e) {
      fail(e.error(), e.cause());
    } catch (TimedOut e) {
      status = ExecutionStatus.TIMED_OUT;
      error = ErrorNames.TIMEOUT;
      cause = null;
      recording = true;
      forceEmit("ExecutionTimedOut", null, "executionTimedOutEventDetails", () -> {
        ObjectNode d = Json.object();
        d.put("error", ErrorNames.TIMEOUT);
        return d;
      });
    } catch (HistoryLimit e) {
      recording = true;
      fail(ErrorNames.RUNTIME, "The execution reached the limit of " + historyLimit
          + " history events (AWS quota); reduce the number of state transitions or split the"
          + " work into child executions.");
    } catch (RuntimeException e) {
      recording = true;
      fail(ErrorNames.RUNTIME, "Internal error in local-runtime: " + e);
    }
  }

  private void fail(String err, String why) {
    status = ExecutionStatus.FAILED;
    error = err;
    cause = why;
    recording = true;
    forceEmit("ExecutionFailed", null, "executionFailedEventDetails", () -> {
      ObjectNode d = Json.object();
      if (err != null) {
        d.put("error", err);
      }
      if (why != null) {
        d.put("cause", why);
      }
      return d;
    });
  }

  // ---------------------------------------------------------------- history

  private long emit(String type, String stateName, String detailsName, Supplier<JsonNode> d) {
    if (!recording) {
      return last;
    }
    if (events.size() >= historyLimit) {
      throw new HistoryLimit();
    }
    return forceEmit(type, stateName, detailsName, d);
  }

  private long forceEmit(String type, String stateName, String detailsName, Supplier<JsonNode> d) {
    if (env.realTime) {
      now = Math.max(now, env.clock.millis());
    }
    long id = events.size() + 1;
    events.add(new Event(id, last, now, type, stateName, detailsName, d));
    last = id;
    return id;
  }

  private static ObjectNode notTruncated() {
    ObjectNode d = Json.object();
    d.put("truncated", false);
    return d;
  }

  private long entered(State s, JsonNode in) {
    return emit(s.enteredEvent, s.name, "stateEnteredEventDetails", () -> {
      ObjectNode d = Json.object();
      d.put("name", s.name);
      d.put("input", Json.text(in));
      d.set("inputDetails", notTruncated());
      return d;
    });
  }

  private void exited(State s, JsonNode out) {
    if (Json.exceeds(out, PAYLOAD_LIMIT)) {
      pendingAssign = null;
      throw dataLimit(s.name);
    }
    ObjectNode values = pendingAssign;
    pendingAssign = null;
    if (values != null) {
      Map<String, JsonNode> assigned = new HashMap<>();
      values.fields().forEachRemaining(e -> assigned.put(e.getKey(), e.getValue()));
      currentFrame.vars.assign(assigned);
    }
    emit(s.exitedEvent, s.name, "stateExitedEventDetails", () -> {
      ObjectNode d = Json.object();
      d.put("name", s.name);
      d.put("output", Json.text(out));
      d.set("outputDetails", notTruncated());
      if (values != null) {
        ObjectNode texts = d.putObject("assignedVariables");
        values.fields().forEachRemaining(e -> texts.put(e.getKey(), Json.text(e.getValue())));
        d.set("assignedVariablesDetails", notTruncated());
      }
      return d;
    });
  }

  /** Variables assigned by the state now exiting: evaluated now, visible from the next state. */
  private ObjectNode pendingAssign;

  private void prepareAssign(PayloadTemplate assign, JsonNode dollar, Frame frame) {
    ObjectNode values = assign == null ? null : (ObjectNode) assign.apply(dollar, frame);
    pendingAssign = values == null || values.isEmpty() ? null : values;
  }

  private void simple(String type, String stateName) {
    emit(type, stateName, null, null);
  }

  // ---------------------------------------------------------------- time

  private void sleep(long millis) {
    if (millis <= 0) {
      return;
    }
    long target = now + millis;
    if (target > deadline) {
      advanceTo(deadline);
      throw new TimedOut();
    }
    advanceTo(target);
  }

  private void advanceTo(long target) {
    if (env.realTime) {
      long wait = target - env.clock.millis();
      if (wait > 0) {
        try {
          Thread.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new TimedOut();
        }
      }
      now = Math.max(target, env.clock.millis());
    } else {
      now = Math.max(now, target);
    }
  }

  private void tick() {
    if (env.realTime) {
      now = env.clock.millis();
    }
    if (now > deadline) {
      throw new TimedOut();
    }
  }

  // ---------------------------------------------------------------- states

  private JsonNode runBranch(Branch branch, JsonNode in, Variables vars) {
    String name = branch.startAt;
    JsonNode data = in;
    while (true) {
      State s = branch.state(name);
      Step step = runState(s, data, vars);
      if (step.next == null) {
        return step.output;
      }
      data = step.output;
      name = step.next;
    }
  }

  private Step runState(State s, JsonNode in, Variables vars) {
    tick();
    visited.add(s.name);
    long enteredAfter = last;
    long enteredId = entered(s, in);
    Frame frame = new Frame(s.name, now, vars);
    frame.enteredId = enteredId;
    // recorded: AWS links EvaluationFailed to the event before StateEntered, in a Wait state to
    // WaitStateEntered itself
    frame.evaluationFailedAfter = s instanceof WaitState ? enteredId : enteredAfter;
    currentFrame = frame;
    pendingAssign = null;
    try {
      if (s.jsonata && !(s instanceof TaskState || s instanceof ParallelState
          || s instanceof MapState)) {
        return jsonataState(s, in, frame);
      }
      if (s instanceof PassState p) {
        return pass(p, in, frame);
      } else if (s instanceof TaskState t) {
        return withErrorHandling(t, t.handling, in, frame, () -> task(t, in, frame));
      } else if (s instanceof ChoiceState c) {
        return choice(c, in, frame);
      } else if (s instanceof WaitState w) {
        return waitState(w, in, frame);
      } else if (s instanceof FailState f) {
        throw failState(f, in, frame);
      } else if (s instanceof ParallelState p) {
        return withErrorHandling(p, p.handling, in, frame, () -> parallel(p, in, frame));
      } else if (s instanceof MapState m) {
        return withErrorHandling(m, m.handling, in, frame, () -> map(m, in, frame));
      }
      JsonNode out = outputPath(s, inputPath(s, in));
      exited(s, out);
      return new Step(out, null);
    } catch (StatesError e) {
      failedStates.add(s.name);
      if (ErrorNames.RUNTIME.equals(e.error()) && e.cause() != null
          && !e.cause().startsWith(RUNTIME_PREFIX)) {
        throw runtimeError(s, enteredId, e.cause());
      }
      throw e;
    } catch (JsonPaths.PathNotFound | IllegalArgumentException e) {
      // a path argument (intrinsic, Choice rule) that selects nothing, or an unusable value
      failedStates.add(s.name);
      throw runtimeError(s, enteredId, e.getMessage());
    }
  }

  private static StatesError runtimeError(State s, long enteredId, String why) {
    return new StatesError(ErrorNames.RUNTIME, RUNTIME_PREFIX + s.name
        + "' (entered at the event id #" + enteredId + "). " + why);
  }

  private JsonNode inputPath(State s, JsonNode in) {
    return s.inputPath == null ? Json.object() : readPath(s.inputPath, in);
  }

  private JsonNode outputPath(State s, JsonNode out) {
    return s.outputPath == null ? Json.object() : readPath(s.outputPath, out);
  }

  /** Reads a path on {@code doc}, or on the Context object for {@code $$...} paths. */
  private JsonNode readPath(QueryPath path, JsonNode doc) {
    try {
      if (path.variable) {
        return JsonPaths.resolve(path.text, doc, null, currentFrame.vars);
      }
      return path.read(path.context ? currentFrame.get() : doc);
    } catch (JsonPaths.PathNotFound e) {
      throw new StatesError(ErrorNames.RUNTIME, e.getMessage());
    }
  }

  private static JsonNode resultPath(QueryPath path, JsonNode raw, JsonNode result) {
    if (path == null) {
      return raw;
    }
    if (path.text.equals("$")) {
      return result;
    }
    return path.set(raw, result);
  }

  private JsonNode effectiveInput(State s, PayloadTemplate parameters, JsonNode in,
      Frame frame) {
    JsonNode afterInputPath = inputPath(s, in);
    return parameters == null ? afterInputPath : parameters.apply(afterInputPath, frame);
  }

  private Step pass(PassState p, JsonNode in, Frame frame) {
    JsonNode effective = effectiveInput(p, p.parameters, in, frame);
    JsonNode result = effective;
    if (p.result != null) {
      if (p.resultBytes > PAYLOAD_LIMIT) {
        throw dataLimit(p.name);
      }
      result = p.result;
    }
    prepareAssign(p.assign, result, frame);
    JsonNode out = outputPath(p, resultPath(p.resultPath, in, result));
    exited(p, out);
    return new Step(out, p.next);
  }

  private static StatesError dataLimit(String what) {
    return new StatesError("States.DataLimitExceeded", "The state/task '" + what
        + "' returned a result with a size exceeding the maximum number of bytes service limit.");
  }

  private Step choice(ChoiceState c, JsonNode in, Frame frame) {
    JsonNode effective = inputPath(c, in);
    JsonNode context = c.usesContext ? frame.get() : null;
    String next = null;
    PayloadTemplate assign = c.assign;
    for (int i = 0; i < c.choices.size(); i++) {
      ChoiceRule rule = c.choices.get(i);
      if (rule.matches(effective, context, frame.vars)) {
        next = rule.next();
        if (c.ruleAssigns.get(i) != null) {
          assign = c.ruleAssigns.get(i);
        }
        break;
      }
    }
    if (next == null) {
      next = c.defaultNext;
    }
    prepareAssign(assign, effective, frame);
    if (next == null) {
      throw new StatesError("States.NoChoiceMatched",
          "No Choice Rules matched and no Default was specified in state '" + c.name + "'.");
    }
    JsonNode out = outputPath(c, effective);
    exited(c, out);
    return new Step(out, next);
  }

  private Step waitState(WaitState w, JsonNode in, Frame frame) {
    JsonNode effective = inputPath(w, in);
    long delay;
    if (w.seconds != null) {
      delay = w.seconds * 1000;
    } else if (w.secondsPath != null) {
      JsonNode v = readWaitPath(w.secondsPath, effective, "SecondsPath");
      String shown = w.secondsPath.text + " == " + (v.isTextual() ? v.asText() : Json.text(v));
      if (!v.isNumber()) {
        throw new StatesError(ErrorNames.RUNTIME,
            "The SecondsPath parameter cannot be parsed as a long value: " + shown);
      }
      if (!v.isIntegralNumber() && v.asDouble() != Math.rint(v.asDouble())) {
        throw new StatesError(ErrorNames.RUNTIME,
            "The SecondsPath parameter cannot be parsed as a long value: " + shown);
      }
      if (v.asDouble() < 0) {
        throw new StatesError(ErrorNames.RUNTIME,
            "The SecondsPath parameter references a negative value: " + shown);
      }
      delay = v.asLong() * 1000;
    } else {
      String ts;
      if (w.timestamp != null) {
        ts = w.timestamp;
      } else {
        JsonNode v = readWaitPath(w.timestampPath, effective, "TimestampPath");
        ts = v.isTextual() ? v.asText() : Json.text(v);
        if (!v.isTextual() || parseTimestamp(ts) == null) {
          throw new StatesError(ErrorNames.RUNTIME, "The TimestampPath parameter does not"
              + " reference a valid ISO-8601 extended offset date-time format string: "
              + w.timestampPath.text + " == " + ts);
        }
      }
      Instant target = parseTimestamp(ts);
      if (target == null) {
        throw new StatesError(ErrorNames.RUNTIME, "The Timestamp field '" + ts
            + "' is not a valid ISO-8601 extended offset date-time.");
      }
      delay = target.toEpochMilli() - now;
    }
    sleep(delay);
    prepareAssign(w.assign, effective, frame);
    JsonNode out = outputPath(w, effective);
    exited(w, out);
    return new Step(out, w.next);
  }

  private JsonNode readWaitPath(QueryPath path, JsonNode doc, String field) {
    try {
      if (path.variable) {
        return JsonPaths.resolve(path.text, doc, null, currentFrame.vars);
      }
      return path.read(path.context ? currentFrame.get() : doc);
    } catch (JsonPaths.PathNotFound e) {
      throw new StatesError(ErrorNames.RUNTIME, "The " + field
          + " parameter does not reference an input value: " + path.text);
    }
  }

  static Instant parseTimestamp(String ts) {
    try {
      return OffsetDateTime.parse(ts, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private StatesError failState(FailState f, JsonNode in, Frame frame) {
    String err = f.error != null ? f.error : failField(f.errorPath, "ErrorPath", in, frame);
    String why = f.cause != null ? f.cause : failField(f.causePath, "CausePath", in, frame);
    return new StatesError(err, why);
  }

  private static String failField(String expr, String field, JsonNode in, Frame frame) {
    if (expr == null) {
      return null;
    }
    JsonNode v = PayloadTemplate.expression(field, expr, new boolean[1]).eval(in, frame);
    if (!v.isTextual()) {
      throw new StatesError(ErrorNames.RUNTIME, "The " + field + " '" + expr
          + "' must select a string, but selected " + Json.text(v));
    }
    return v.asText();
  }

  // ---------------------------------------------------------------- JSONata

  /** Pass, Choice, Wait, Succeed and Fail in a JSONata state (no paths: Output and Assign). */
  private Step jsonataState(State s, JsonNode in, Frame frame) {
    JsonataTemplate.Scope scope = scope(frame, in, null, null);
    JsonataTemplate output = s.output;
    JsonataTemplate assign = s.assignTemplate;
    String next = s.next;
    if (s instanceof FailState f) {
      throw new StatesError(stringTemplate(f.errorTemplate, scope),
          stringTemplate(f.causeTemplate, scope));
    } else if (s instanceof ChoiceState c) {
      next = null;
      for (ChoiceState.JsonataRule rule : c.jsonataRules) {
        if (evaluate(rule.condition(), scope, "boolean").asBoolean()) {
          next = rule.next();
          output = rule.output() != null ? rule.output() : output;
          assign = rule.assign() != null ? rule.assign() : assign;
          break;
        }
      }
      if (next == null) {
        next = c.defaultNext;
      }
      if (next == null) {
        throw new StatesError("States.NoChoiceMatched",
            "No Choice Rules matched and no Default was specified in state '" + c.name + "'.");
      }
    } else if (s instanceof WaitState w) {
      sleep(jsonataWaitMillis(w, scope));
    }
    prepareAssign(assign, scope);
    JsonNode out = output == null ? in : evaluate(output, scope);
    exited(s, out);
    return new Step(out, next);
  }

  private long jsonataWaitMillis(WaitState w, JsonataTemplate.Scope scope) {
    if (w.secondsTemplate != null) {
      Integer seconds = integerTemplate(w.secondsTemplate, scope);
      if (seconds < 0) {
        throw queryError("Seconds", "The Seconds field must not be negative, but was: " + seconds);
      }
      return seconds * 1000L;
    }
    JsonNode v = evaluate(w.timestampTemplate, scope);
    String ts = v.isTextual() ? v.asText() : Json.text(v);
    Instant target = v.isTextual() ? parseTimestamp(ts) : null;
    if (target == null) {
      throw queryError("Timestamp", "The Timestamp field cannot be parsed as an ISO-8601"
          + " extended offset date-time format string: " + ts);
    }
    return target.toEpochMilli() - now;
  }

  /** {@code $states} for one evaluation: input, context, and result or errorOutput where given. */
  private JsonataTemplate.Scope scope(Frame frame, JsonNode in, JsonNode result,
      JsonNode errorOutput) {
    ObjectNode states = Json.object();
    states.set("input", in);
    if (result != null) {
      states.set("result", result);
    }
    if (errorOutput != null) {
      states.set("errorOutput", errorOutput);
    }
    states.set("context", frame.get());
    return new JsonataTemplate.Scope(states, frame.vars, random);
  }

  private JsonNode evaluate(JsonataTemplate template, JsonataTemplate.Scope scope) {
    return evaluate(template, scope, null);
  }

  /** {@code expected}: the result's type ("boolean", "string", "number", "integer"), or null. */
  private JsonNode evaluate(JsonataTemplate template, JsonataTemplate.Scope scope,
      String expected) {
    try {
      return expected == null ? template.apply(scope) : template.apply(scope, expected);
    } catch (JsonataTemplate.EvaluationError e) {
      throw queryError(e.location, e.getMessage());
    }
  }

  private void prepareAssign(JsonataTemplate assign, JsonataTemplate.Scope scope) {
    JsonNode values = assign == null ? null : evaluate(assign, scope);
    pendingAssign = values instanceof ObjectNode o && !o.isEmpty() ? o : null;
  }

  private Integer integerTemplate(JsonataTemplate t, JsonataTemplate.Scope scope) {
    return t == null ? null : evaluate(t, scope, "integer").asInt();
  }

  private Double numberTemplate(JsonataTemplate t, JsonataTemplate.Scope scope) {
    return t == null ? null : evaluate(t, scope, "number").asDouble();
  }

  private String stringTemplate(JsonataTemplate t, JsonataTemplate.Scope scope) {
    return t == null ? null : evaluate(t, scope, "string").asText();
  }

  /** States.QueryEvaluationError for the current state, after an EvaluationFailed event. */
  private StatesError queryError(String location, String why) {
    Frame f = currentFrame;
    String fullCause = RUNTIME_PREFIX + f.stateName + "' (entered at the event id #" + f.enteredId
        + "). " + why;
    last = f.evaluationFailedAfter;
    emit("EvaluationFailed", f.stateName, "evaluationFailedEventDetails", () -> {
      ObjectNode d = Json.object();
      d.put("error", JsonataTemplate.QUERY_EVALUATION_ERROR);
      d.put("cause", fullCause);
      if (location != null) {
        d.put("location", location);
      }
      d.put("state", f.stateName);
      return d;
    });
    return new StatesError(JsonataTemplate.QUERY_EVALUATION_ERROR, fullCause);
  }

  // ---------------------------------------------------------------- retry / catch

  private interface Attempt {
    JsonNode run();
  }

  private Step withErrorHandling(State s, State.ErrorHandling h, JsonNode in, Frame frame,
      Attempt attempt) {
    int[] attempts = new int[h.retriers.size()];
    int retryCount = 0;
    while (true) {
      frame.retryCount = s instanceof TaskState ? retryCount : -1;
      try {
        JsonNode result = attempt.run();
        JsonNode out;
        if (s.jsonata) {
          JsonataTemplate.Scope scope = scope(frame, in, result, null);
          prepareAssign(s.assignTemplate, scope);
          out = s.output == null ? result : evaluate(s.output, scope);
        } else {
          prepareAssign(s.assign, result, frame);
          if (h.resultSelector != null) {
            result = h.resultSelector.apply(result, frame);
          }
          out = outputPath(s, resultPath(h.resultPath, in, result));
        }
        exited(s, out);
        return new Step(out, s.next);
      } catch (StatesError e) {
        if (ErrorNames.RUNTIME.equals(e.error())) {
          throw e;
        }
        boolean retry = false;
        for (int i = 0; i < h.retriers.size(); i++) {
          Retrier r = h.retriers.get(i);
          if (r.matches(e.error())) {
            if (attempts[i] < r.maxAttempts) {
              sleep(r.delayMillis(attempts[i], random));
              attempts[i]++;
              retryCount++;
              retry = true;
              retriedStates.add(s.name);
            }
            break;
          }
        }
        if (retry) {
          continue;
        }
        if (s instanceof MapState || s instanceof ParallelState) {
          simple(s.type + "StateFailed", s.name);
        }
        for (Catcher c : h.catchers) {
          if (c.matches(e.error())) {
            failedStates.add(s.name); // failed, then caught: the diagram shows it as failed
            ObjectNode errorOutput = Json.object();
            errorOutput.put("Error", e.error());
            if (e.cause() != null) {
              errorOutput.put("Cause", e.cause());
            }
            JsonNode out;
            if (s.jsonata) {
              JsonataTemplate.Scope scope = scope(frame, in, null, errorOutput);
              prepareAssign(c.assignTemplate, scope);
              out = c.output == null ? errorOutput : evaluate(c.output, scope);
            } else {
              prepareAssign(c.assign, errorOutput, frame);
              out = resultPath(c.resultPath, in, errorOutput);
            }
            exited(s, out);
            return new Step(out, c.next);
          }
        }
        throw e;
      }
    }
  }

  // ---------------------------------------------------------------- Parallel / Map

  private JsonNode parallel(ParallelState p, JsonNode in, Frame frame) {
    JsonNode effective = !p.jsonata ? effectiveInput(p, p.parameters, in, frame)
        : p.arguments == null ? in : evaluate(p.arguments, scope(frame, in, null, null));
    simple("ParallelStateStarted", p.name);
    ArrayNode results = Json.NODES.arrayNode(p.branches.size());
    try {
      for (Branch b : p.branches) {
        results.add(runBranch(b, effective, new Variables(frame.vars)));
        currentFrame = frame;
      }
    } catch (StatesError e) {
      currentFrame = frame; // a Catcher's Assign goes to this state's scope, not the branch's
      if (ErrorNames.RUNTIME.equals(e.error())) {
        simple("ParallelStateFailed", p.name);
      }
      throw e;
    }
    simple("ParallelStateSucceeded", p.name);
    return results;
  }

  private JsonNode map(MapState m, JsonNode in, Frame frame) {
    if (m.unsupportedField != null) {
      throw new StatesError(ErrorNames.RUNTIME, "The Map field " + m.unsupportedField
          + " (distributed Map reading or writing S3) is not supported by local-runtime; pass the"
          + " items in the state input and use ItemsPath instead.");
    }
    JsonNode effective;
    JsonNode items;
    JsonataTemplate.Scope scope = m.jsonata ? scope(frame, in, null, null) : null;
    if (m.jsonata) {
      effective = in;
      items = m.items == null ? in : evaluate(m.items, scope);
    } else {
      effective = inputPath(m, in);
      items = readPath(m.itemsPath, effective);
    }
    if (!items.isArray()) {
      String why = "Map state input must be an array but was: "
          + (items.isTextual() ? "\"" + items.asText() + "\"" : Json.text(items));
      throw m.jsonata ? queryError(null, why) : new StatesError(ErrorNames.RUNTIME, why);
    }
    if (m.jsonata) {
      integerTemplate(m.maxConcurrencyTemplate, scope);
    } else {
      integerField(m.maxConcurrency, m.maxConcurrencyPath, effective, "MaxConcurrencyPath");
    }
    int length = items.size();
    emit("MapStateStarted", m.name, "mapStateStartedEventDetails", () -> {
      ObjectNode d = Json.object();
      d.put("length", length);
      return d;
    });
    Integer count = m.jsonata ? integerTemplate(m.toleratedFailureCountTemplate, scope)
        : integerField(m.toleratedFailureCount, m.toleratedFailureCountPath, effective,
            "ToleratedFailureCountPath");
    if (count != null && count < 0) {
      throw new StatesError(ErrorNames.RUNTIME, "ToleratedFailureCount cannot be negative.");
    }
    Double percentage = m.jsonata ? numberTemplate(m.toleratedFailurePercentageTemplate, scope)
        : percentageField(m, effective);
    if (percentage != null && (percentage < 0 || percentage > 100)) {
      throw new StatesError(ErrorNames.RUNTIME,
          "ToleratedFailurePercentage must be between 0 and 100.");
    }
    boolean wasRecording = recording;
    if (m.distributed) {
      String mapRunArn = "arn:aws:states:" + env.region + ":" + env.accountId + ":mapRun:"
          + stateMachineName + "/" + (m.label != null ? m.label : m.name) + ":" + uuid(random);
      emit("MapRunStarted", m.name, "mapRunStartedEventDetails", () -> {
        ObjectNode d = Json.object();
        d.put("mapRunArn", mapRunArn);
        return d;
      });
    }
    ArrayNode results = Json.NODES.arrayNode(items.size());
    int failures = 0;
    long lastIterationEnd = last;
    try {
      for (int i = 0; i < items.size(); i++) {
        JsonNode item = items.get(i);
        JsonNode itemInput = item;
        if (m.itemSelector != null || m.itemSelectorTemplate != null) {
          frame.mapIndex = i;
          frame.mapValue = item;
          itemInput = m.jsonata ? evaluate(m.itemSelectorTemplate, scope(frame, in, null, null))
              : m.itemSelector.apply(effective, frame);
        }
        int index = i;
        if (!m.distributed) {
          iterationEvent("MapIterationStarted", "mapIterationStartedEventDetails", m, index);
        } else {
          recording = false;
        }
        try {
          results.add(runBranch(m.processor, itemInput, new Variables(frame.vars)));
          currentFrame = frame;
          if (!m.distributed) {
            long innerLast = last;
            lastIterationEnd = iterationEvent("MapIterationSucceeded",
                "mapIterationSucceededEventDetails", m, index);
            last = innerLast;
          }
        } catch (StatesError e) {
          currentFrame = frame;
          recording = wasRecording;
          failures++;
          long innerLast = last;
          if (!m.distributed) {
            iterationEvent("MapIterationFailed", "mapIterationFailedEventDetails", m, index);
            last = innerLast;
          }
          boolean tolerated = m.distributed && (count != null && failures <= count
              || percentage != null && failures * 100.0 / items.size() <= percentage);
          if (!tolerated) {
            if (m.distributed) {
              simple("MapRunFailed", m.name);
              throw new StatesError("States.ExceedToleratedFailureThreshold",
                  "The specified tolerated failure threshold was exceeded");
            }
            if (ErrorNames.RUNTIME.equals(e.error())) {
              simple("MapStateFailed", m.name);
            }
            throw e;
          }
          ObjectNode errorOutput = Json.object();
          errorOutput.put("Error", e.error());
          if (e.cause() != null) {
            errorOutput.put("Cause", e.cause());
          }
          results.add(errorOutput);
        } finally {
          recording = wasRecording;
        }
      }
    } finally {
      frame.mapIndex = -1;
      frame.mapValue = null;
    }
    if (m.distributed) {
      lastIterationEnd = emit("MapRunSucceeded", m.name, null, null);
    }
    last = lastIterationEnd;
    simple("MapStateSucceeded", m.name);
    last = lastIterationEnd;
    return results;
  }

  private long iterationEvent(String type, String detailsName, MapState m, int index) {
    return emit(type, m.name, detailsName, () -> {
      ObjectNode d = Json.object();
      d.put("index", index);
      d.put("name", m.name);
      return d;
    });
  }

  private Integer integerField(JsonNode literal, QueryPath path, JsonNode in,
      String field) {
    if (path == null) {
      return literal == null || !literal.isNumber() ? null : literal.asInt();
    }
    JsonNode v = readPath(path, in);
    if (!v.isIntegralNumber() && !(v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) {
      throw new StatesError(ErrorNames.RUNTIME, "The " + field + " field refers to value \""
          + (v.isTextual() ? v.asText() : Json.text(v)) + "\" which is not a valid integer: "
          + path.text);
    }
    return v.asInt();
  }

  private Double percentageField(MapState m, JsonNode in) {
    if (m.toleratedFailurePercentagePath == null) {
      return m.toleratedFailurePercentage == null || !m.toleratedFailurePercentage.isNumber()
          ? null : m.toleratedFailurePercentage.asDouble();
    }
    JsonNode v = readPath(m.toleratedFailurePercentagePath, in);
    if (!v.isNumber()) {
      throw new StatesError(ErrorNames.RUNTIME,
          "The ToleratedFailurePercentagePath field refers to value \""
              + (v.isTextual() ? v.asText() : Json.text(v)) + "\" which is not a valid float: "
              + m.toleratedFailurePercentagePath.text);
    }
    return v.asDouble();
  }

  // ---------------------------------------------------------------- Task

  private static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";

  private JsonNode task(TaskState t, JsonNode in, Frame frame) {
    if (t.resource.endsWith(".waitForTaskToken")) {
      frame.taskToken = "local-" + uuid(random);
    }
    Integer timeout;
    Integer heartbeat;
    JsonNode effective;
    if (t.jsonata) {
      JsonataTemplate.Scope scope = scope(frame, in, null, null);
      timeout = integerTemplate(t.timeoutTemplate, scope);
      heartbeat = integerTemplate(t.heartbeatTemplate, scope);
      effective = t.arguments == null ? in : evaluate(t.arguments, scope);
    } else {
      JsonNode afterInputPath = inputPath(t, in);
      timeout = t.timeoutSecondsPath != null
          ? Integer.valueOf(readPath(t.timeoutSecondsPath, afterInputPath).asInt())
          : t.timeoutSeconds;
      heartbeat = t.heartbeatSecondsPath != null
          ? Integer.valueOf(readPath(t.heartbeatSecondsPath, afterInputPath).asInt())
          : t.heartbeatSeconds;
      effective = t.parameters == null ? afterInputPath
          : t.parameters.apply(afterInputPath, frame);
    }
    if (t.resource.equals(LAMBDA_INVOKE)) {
      return lambdaInvoke(t, effective, timeout, heartbeat);
    }
    if (t.resource.startsWith("arn:aws:lambda:") || t.resource.contains(":function:")) {
      return lambdaDirect(t, effective, timeout, heartbeat);
    }
    return service(t, effective);
  }

  private JsonNode lambdaDirect(TaskState t, JsonNode effective, Integer timeout,
      Integer heartbeat) {
    emit("LambdaFunctionScheduled", t.name, "lambdaFunctionScheduledEventDetails", () -> {
      ObjectNode d = Json.object();
      d.put("resource", t.resource);
      d.put("input", Json.text(effective));
      d.set("inputDetails", notTruncated());
      if (timeout != null) {
        d.put("timeoutInSeconds", timeout);
      }
      return d;
    });
    simple("LambdaFunctionStarted", t.name);
    FunctionRunner.Reply reply;
    MockConfig.Response mock = mockResponse(t.name);
    if (mock != null) {
      if (mock.isThrow()) {
        throw lambdaFailed(t, "LambdaFunctionFailed", "lambdaFunctionFailedEventDetails",
            mock.error(), mock.cause(), null);
      }
      if (mock.bytes() > PAYLOAD_LIMIT) {
        StatesError e = dataLimit(t.resource);
        throw lambdaFailed(t, "LambdaFunctionFailed", "lambdaFunctionFailedEventDetails",
            e.error(), e.cause(), null);
      }
      JsonNode value = mock.value();
      emit("LambdaFunctionSucceeded", t.name, "lambdaFunctionSucceededEventDetails", () -> {
        ObjectNode d = Json.object();
        d.put("output", Json.text(value));
        d.set("outputDetails", notTruncated());
        return d;
      });
      return value;
    } else {
      String function = LocalStepFunctions.functionName(t.resource);
      FunctionRunner fn = env.function(function);
      if (fn == null) {
        throw lambdaFailed(t, "LambdaFunctionFailed", "lambdaFunctionFailedEventDetails",
            "Lambda.ResourceNotFoundException", notFound(function), null);
      }
      reply = call(fn, Json.text(effective), timeout, heartbeat);
      if (reply == null) {
        throw lambdaFailed(t, "LambdaFunctionTimedOut", "lambdaFunctionTimedOutEventDetails",
            timeoutError(timeout, heartbeat), null, null);
      }
    }
    if (reply.failed()) {
      String why = reply.errorDocument();
      try {
        why = Json.spacedText(Json.parse(why));
      } catch (IllegalArgumentException ignored) {
        // not JSON: keep as is
      }
      throw lambdaFailed(t, "LambdaFunctionFailed", "lambdaFunctionFailedEventDetails",
          reply.errorType(), why, null);
    }
    String payload = reply.payload();
    if (payload.getBytes(StandardCharsets.UTF_8).length > PAYLOAD_LIMIT) {
      StatesError e = dataLimit(t.resource);
      throw lambdaFailed(t, "LambdaFunctionFailed", "lambdaFunctionFailedEventDetails",
          e.error(), e.cause(), null);
    }
    JsonNode result = parseOutput(payload);
    emit("LambdaFunctionSucceeded", t.name, "lambdaFunctionSucceededEventDetails", () -> {
      ObjectNode d = Json.object();
      d.put("output", payload);
      d.set("outputDetails", notTruncated());
      return d;
    });
    return result;
  }

  private static String timeoutError(Integer timeout, Integer heartbeat) {
    return heartbeat != null && (timeout == null || heartbeat < timeout)
        ? "States.HeartbeatTimeout" : ErrorNames.TIMEOUT;
  }

  private StatesError lambdaFailed(TaskState t, String type, String detailsName, String err,
      String why, String resourceType) {
    emit(type, t.name, detailsName, () -> {
      ObjectNode d = Json.object();
      if (err != null) {
        d.put("error", err);
      }
      if (why != null) {
        d.put("cause", why);
      }
      if (resourceType != null) {
        d.put("resource", resourceName(t.resource));
        d.put("resourceType", resourceType);
      }
      return d;
    });
    return new StatesError(err, why);
  }

  private String notFound(String function) {
    return "Function not found: arn:aws:lambda:" + env.region + ":" + env.accountId + ":function:"
        + function + ":$LATEST (Service: AWSLambda; Status Code: 404; Error Code:"
        + " ResourceNotFoundException; Request ID: " + uuid(random) + "; Proxy: null)";
  }

  private JsonNode lambdaInvoke(TaskState t, JsonNode parameters, Integer timeout,
      Integer heartbeat) {
    scheduled(t, parameters, "lambda", timeout, heartbeat);
    MockConfig.Response mock = mockResponse(t.name);
    if (mock != null) {
      if (mock.isThrow()) {
        throw lambdaFailed(t, "TaskFailed", "taskFailedEventDetails", mock.error(), mock.cause(),
            "lambda");
      }
      return taskSucceeded(t, "lambda", mock.value());
    }
    JsonNode nameNode = parameters.get("FunctionName");
    if (nameNode == null || !nameNode.isTextual()) {
      throw lambdaFailed(t, "TaskFailed", "taskFailedEventDetails", "States.Runtime",
          "The field 'FunctionName' is required in the Parameters of '" + t.name
              + "' (arn:aws:states:::lambda:invoke).", "lambda");
    }
    String function = LocalStepFunctions.functionName(nameNode.asText());
    JsonNode payloadNode = parameters.get("Payload");
    String event = payloadNode == null || payloadNode.isNull() ? "{}"
        : payloadNode.isTextual() ? payloadNode.asText() : Json.text(payloadNode);
    FunctionRunner fn = env.function(function);
    if (fn == null) {
      throw lambdaFailed(t, "TaskFailed", "taskFailedEventDetails",
          "Lambda.ResourceNotFoundException", notFound(function), "lambda");
    }
    FunctionRunner.Reply reply = call(fn, event, timeout, heartbeat);
    if (reply == null) {
      throw lambdaFailed(t, "TaskTimedOut", "taskTimedOutEventDetails",
          timeoutError(timeout, heartbeat), null, "lambda");
    }
    if (reply.failed()) {
      String why = reply.errorDocument();
      try {
        why = Json.text(Json.parse(why));
      } catch (IllegalArgumentException ignored) {
        // not JSON: keep as is
      }
      throw lambdaFailed(t, "TaskFailed", "taskFailedEventDetails", reply.errorType(), why,
          "lambda");
    }
    String payload = reply.payload();
    if (payload.getBytes(StandardCharsets.UTF_8).length > PAYLOAD_LIMIT) {
      StatesError e = dataLimit("lambda");
      throw lambdaFailed(t, "TaskFailed", "taskFailedEventDetails", e.error(), e.cause(),
          "lambda");
    }
    return taskSucceeded(t, "lambda", invokeResult(payload));
  }

  private ObjectNode invokeResult(String payload) {
    int length = payload.getBytes(StandardCharsets.UTF_8).length;
    String requestId = uuid(random);
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        Instant.ofEpochMilli(now).atOffset(ZoneOffset.UTC));
    String traceId = "Root=1-" + Long.toHexString(now / 1000) + "-" + uuid(random)
        .replace("-", "").substring(0, 24);
    ObjectNode result = Json.object();
    result.put("ExecutedVersion", "$LATEST");
    result.set("Payload", parseOutput(payload));
    ObjectNode http = result.putObject("SdkHttpMetadata");
    ObjectNode all = http.putObject("AllHttpHeaders");
    all.putArray("X-Amz-Executed-Version").add("$LATEST");
    all.putArray("x-amzn-Remapped-Content-Length").add("0");
    all.putArray("Connection").add("keep-alive");
    all.putArray("x-amzn-RequestId").add(requestId);
    all.putArray("Content-Length").add(Integer.toString(length));
    all.putArray("Date").add(date);
    all.putArray("X-Amzn-Trace-Id").add(traceId);
    all.putArray("Content-Type").add("application/json");
    ObjectNode headers = http.putObject("HttpHeaders");
    headers.put("Connection", "keep-alive");
    headers.put("Content-Length", Integer.toString(length));
    headers.put("Content-Type", "application/json");
    headers.put("Date", date);
    headers.put("X-Amz-Executed-Version", "$LATEST");
    headers.put("x-amzn-Remapped-Content-Length", "0");
    headers.put("x-amzn-RequestId", requestId);
    headers.put("X-Amzn-Trace-Id", traceId);
    http.put("HttpStatusCode", 200);
    result.putObject("SdkResponseMetadata").put("RequestId", requestId);
    result.put("StatusCode", 200);
    return result;
  }

  /** Function output text → JSON value; non-JSON text becomes a string. */
  private static JsonNode parseOutput(String payload) {
    try {
      return Json.parse(payload);
    } catch (IllegalArgumentException e) {
      return TextNode.valueOf(payload);
    }
  }

  private void scheduled(TaskState t, JsonNode parameters, String resourceType, Integer timeout,
      Integer heartbeat) {
    String resource = resourceName(t.resource);
    emit("TaskScheduled", t.name, "taskScheduledEventDetails", () -> {
      ObjectNode d = Json.object();
      d.put("resource", resource);
      d.put("resourceType", resourceType);
      d.put("region", env.region);
      d.put("parameters", Json.text(parameters));
      if (timeout != null) {
        d.put("timeoutInSeconds", timeout);
      }
      if (heartbeat != null) {
        d.put("heartbeatInSeconds", heartbeat);
      }
      return d;
    });
    emit("TaskStarted", t.name, "taskStartedEventDetails", () -> {
      ObjectNode d = Json.object();
      d.put("resource", resource);
      d.put("resourceType", resourceType);
      return d;
    });
  }

  private JsonNode taskSucceeded(TaskState t, String resourceType, JsonNode result) {
    emit("TaskSucceeded", t.name, "taskSucceededEventDetails", () -> {
      ObjectNode d = Json.object();
      d.put("resource", resourceName(t.resource));
      d.put("resourceType", resourceType);
      d.put("output", Json.text(result));
      d.set("outputDetails", notTruncated());
      return d;
    });
    return result;
  }

  /** {@code arn:aws:states:::dynamodb:putItem} → type dynamodb, name putItem. */
  static String resourceType(String resource) {
    String[] parts = resource.split(":");
    return parts.length >= 7 ? parts[5] : resource;
  }

  static String resourceName(String resource) {
    String[] parts = resource.split(":", 7);
    return parts.length >= 7 ? parts[6] : resource;
  }

  private JsonNode service(TaskState t, JsonNode parameters) {
    String type = resourceType(t.resource);
    scheduled(t, parameters, type, null, null);
    MockConfig.Response mock = mockResponse(t.name);
    if (mock == null) {
      throw new StatesError(ErrorNames.RUNTIME, "local-runtime cannot call the resource '"
          + t.resource + "' of state '" + t.name + "': only Lambda functions run locally."
          + " Mock this state in a MockConfigFile test case (--mock-config/--test-case).");
    }
    if (mock.isThrow()) {
      throw lambdaFailed(t, "TaskFailed", "taskFailedEventDetails", mock.error(), mock.cause(),
          type);
    }
    return taskSucceeded(t, type, mock.value());
  }

  private MockConfig.Response mockResponse(String stateName) {
    if (mocks == null) {
      return null;
    }
    String response = mocks.get(stateName);
    if (response == null) {
      return null;
    }
    int n = mockInvocations.merge(stateName, 1, Integer::sum) - 1;
    return env.mockConfig.response(response, n);
  }

  /** Runs a function; null when it exceeds the Task timeout (measured in real time). */
  private FunctionRunner.Reply call(FunctionRunner fn, String event, Integer timeout,
      Integer heartbeat) {
    String requestId = uuid(random);
    Integer limit = heartbeat != null && (timeout == null || heartbeat < timeout) ? heartbeat
        : timeout;
    if (limit == null) {
      return fn.invoke(event, requestId);
    }
    java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
    Future<FunctionRunner.Reply> f = LocalStepFunctions.WORKERS.submit(() -> {
      try {
        return fn.invoke(event, requestId);
      } finally {
        ended.countDown();
      }
    });
    try {
      return f.get(limit, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      awaitQuietly(ended); // the function's END and REPORT lines are written before the run goes on
      if (!env.realTime) {
        now += limit * 1000L;
      }
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TimedOut();
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      return new FunctionRunner.Reply(null, c.getClass().getName(),
          FunctionRunner.errorDocument(c.getClass().getName(), c.getMessage(), requestId,
              c.getStackTrace()));
    }
  }

  private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String uuid(Random random) {
    long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo).toString();
  }
}
