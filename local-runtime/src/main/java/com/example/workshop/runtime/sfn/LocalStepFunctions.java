package com.example.workshop.runtime.sfn;

import com.example.workshop.runtime.lambda.Invocation;
import com.example.workshop.runtime.lambda.Isolation;
import com.example.workshop.runtime.lambda.LocalLambda;
import com.example.workshop.runtime.sfn.internal.asl.Ids;
import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.asl.Limits;
import com.example.workshop.runtime.sfn.internal.asl.Names;
import com.example.workshop.runtime.sfn.internal.engine.ApiError;
import com.example.workshop.runtime.sfn.internal.engine.EngineConfig;
import com.example.workshop.runtime.sfn.internal.engine.ExecutionControl;
import com.example.workshop.runtime.sfn.internal.engine.ExecutionRun;
import com.example.workshop.runtime.sfn.internal.engine.FunctionRunner;
import com.example.workshop.runtime.sfn.internal.engine.MockConfig;
import com.example.workshop.runtime.sfn.internal.engine.S3Objects;
import com.example.workshop.runtime.sfn.internal.engine.TaskTokens;
import com.example.workshop.runtime.sfn.internal.teststate.TestStates;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs state machines offline, the way AWS Step Functions does (JSONPath and JSONata). Bind
 * Lambda functions by name, ARN or substitution key to Java handlers or in-process fakes, or use
 * an AWS Step Functions Local mock file; then {@link #start} runs an execution to its end, or
 * {@link #startExecution} starts one and returns at once. Task tokens of callback tasks are
 * answered with {@link #sendTaskSuccess}, {@link #sendTaskFailure} and {@link #sendTaskHeartbeat};
 * an ended execution that failed, timed out or was stopped can be {@link #redrive}n.
 *
 * <pre>{@code
 * LocalStepFunctions sfn = LocalStepFunctions.builder()
 *     .function("OrderFunctionArn", "com.example.orders.ValidateOrder::handleRequest")
 *     .build();
 * Execution run = sfn.start(StateMachine.load(Path.of("statemachine/order.asl.json")), "{\"orderId\":\"o-1\"}");
 * }</pre>
 */
public final class LocalStepFunctions {
  private static final ExecutorService EXECUTIONS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "sfn-execution");
    t.setDaemon(true);
    return t;
  });

  private final Map<String, Object> bindings;
  private final Map<String, FunctionRunner> runners = new ConcurrentHashMap<>();
  private final ClassLoader classLoader;
  private final Isolation isolation;
  private final Map<String, String> handlerProblems = new ConcurrentHashMap<>();
  private final MockConfig mockConfig;
  private final Long seed;
  private final AtomicLong executions = new AtomicLong();
  private final String accountId;
  private final String region;
  private final EngineConfig config;
  private final TaskTokens tokens = new TaskTokens();

  private LocalStepFunctions(Builder b) {
    this.bindings = new LinkedHashMap<>(b.bindings);
    this.classLoader = b.classLoader;
    this.isolation = b.isolation;
    this.mockConfig = b.mockConfig;
    this.seed = b.seed;
    this.accountId = b.accountId;
    this.region = b.region;
    String roleArn = b.roleArn != null ? b.roleArn
        : "arn:aws:iam::" + b.accountId + ":role/LocalStepFunctionsRole";
    this.config = new EngineConfig(this::function, b.mockConfig, b.clock, b.realTime,
        b.accountId, b.region, roleArn, b.historyLimit, tokens, b.s3);
    // Java handlers are built now, so handlerProblems() can warn about a wrong class or method name.
    Map<Object, FunctionRunner> built = new IdentityHashMap<>();
    for (Map.Entry<String, Object> e : bindings.entrySet()) {
      if (e.getValue() instanceof String || e.getValue() instanceof LocalLambda.Builder) {
        built.computeIfAbsent(e.getValue(), h -> runner(functionName(e.getKey()), h));
      }
    }
    this.javaHandlers = built;
  }

  private final Map<Object, FunctionRunner> javaHandlers;

  public static Builder builder() {
    return new Builder();
  }

  /** Runs an execution to its end with default options. */
  public Execution start(StateMachine machine, String inputJson) {
    return start(machine, inputJson, StartOptions.defaults());
  }

  /**
   * Runs an execution to its end (SUCCEEDED, FAILED, TIMED_OUT, or ABORTED when another thread
   * stopped it) on this thread; in virtual time its clock jumps over every timer.
   *
   * @throws IllegalArgumentException when the input is not JSON or the mock test case is unknown
   */
  public Execution start(StateMachine machine, String inputJson, StartOptions options) {
    Started s = prepare(machine, inputJson, options, true, null);
    s.run().execute();
    machine.eventsHint = s.run().record().events().size();
    return new Execution(s.run().record(), machine, config.clock());
  }

  /** Starts an execution with default options and returns at once. */
  public ExecutionHandle startExecution(StateMachine machine, String inputJson) {
    return startExecution(machine, inputJson, StartOptions.defaults());
  }

  /**
   * Starts an execution on a thread of its own and returns at once (StartExecution). The handle
   * waits for task tokens, stops the execution and awaits its end; see {@link ExecutionHandle}
   * for how its virtual clock moves.
   *
   * @throws IllegalArgumentException when the input is not JSON or the mock test case is unknown
   */
  public ExecutionHandle startExecution(StateMachine machine, String inputJson,
      StartOptions options) {
    Started s = prepare(machine, inputJson, options, false, null);
    EXECUTIONS.execute(s.run()::execute);
    return new ExecutionHandle(s.run(), s.control(), machine, config.clock());
  }

  /**
   * RedriveExecution, waiting for the end: continues an execution that FAILED, TIMED_OUT or was
   * ABORTED from its unsuccessful states, with the same input, definition and ARN; inside Map and
   * Parallel states only the iterations and branches that did not succeed run again. This
   * LocalStepFunctions' functions and mocks serve it (mocked invocations go on counting).
   *
   * @throws StepFunctionsException ExecutionNotRedrivable, with AWS's reason
   */
  public Execution redrive(Execution ended) {
    Started s = prepareRedrive(ended, true);
    s.run().execute();
    return new Execution(s.run().record(), ended.stateMachine(), config.clock());
  }

  /** RedriveExecution without waiting: the redriven execution runs on a thread of its own. */
  public ExecutionHandle redriveExecution(Execution ended) {
    Started s = prepareRedrive(ended, false);
    EXECUTIONS.execute(s.run()::execute);
    return new ExecutionHandle(s.run(), s.control(), ended.stateMachine(), config.clock());
  }

  /**
   * SendTaskSuccess: the task that issued {@code taskToken} succeeds with {@code outputJson} as
   * its result, when its execution next waits.
   *
   * @throws StepFunctionsException InvalidToken (not a token), TaskDoesNotExist (never issued
   *     here), TaskTimedOut (the task no longer waits: answered, timed out, stopped), InvalidOutput
   *     (not JSON), ValidationException (over 256 KiB, missing values)
   */
  public void sendTaskSuccess(String taskToken, String outputJson) {
    call(() -> tokens.succeed(taskToken, outputJson));
  }

  /**
   * SendTaskFailure: the task fails with {@code error} and {@code cause} (either may be null),
   * which its Retry and Catch handle as any error.
   *
   * @throws StepFunctionsException as {@link #sendTaskSuccess}, ValidationException for an error
   *     over 256 or a cause over 32,768 characters
   */
  public void sendTaskFailure(String taskToken, String error, String cause) {
    call(() -> tokens.fail(taskToken, error, cause));
  }

  /**
   * SendTaskHeartbeat: the task's HeartbeatSeconds start again.
   *
   * @throws StepFunctionsException as {@link #sendTaskSuccess}
   */
  public void sendTaskHeartbeat(String taskToken) {
    call(() -> tokens.heartbeat(taskToken));
  }

  private static void call(Runnable request) {
    try {
      request.run();
    } catch (ApiError e) {
      throw new StepFunctionsException(e.code(), e.getMessage());
    }
  }

  private record Started(ExecutionRun run, ExecutionControl control) {}

  private Started prepare(StateMachine machine, String inputJson, StartOptions options,
      boolean awaited, Execution redriven) {
    Objects.requireNonNull(machine, "machine");
    StartOptions opts = options == null ? StartOptions.defaults() : options;
    JsonNode input;
    if (inputJson == null || inputJson.isBlank()) {
      throw new IllegalArgumentException("Invalid execution input: the input is empty;"
          + " pass JSON such as {} or {\"orderId\": \"o-1\"}");
    }
    try {
      input = Json.parse(inputJson);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid execution input: " + e.getMessage());
    }
    String smName = opts.stateMachineName() != null ? Names.checkName(opts.stateMachineName())
        : machine.defaultName();
    Random random = seed != null ? new Random(seed + executions.getAndIncrement()) : new Random();
    String execName = opts.executionName() != null ? Names.checkName(opts.executionName()) : Ids.uuid(random);
    Map<String, String> mocks = opts.testCase() == null ? null : checkTestCase(smName, opts.testCase());
    String expressId = opts.type() == StateMachineType.EXPRESS ? Ids.uuid(random) : null;
    ExecutionControl control = new ExecutionControl(awaited);
    ExecutionRun run = new ExecutionRun(config, machine.compiled(), input, inputJson, smName,
        execName, expressId, opts.testCase(), mocks, random, machine.eventsHint, control,
        redriven == null ? null : redriven.record());
    bindSubstitutions(machine.substitutions());
    return new Started(run, control);
  }

  private Started prepareRedrive(Execution ended, boolean awaited) {
    Objects.requireNonNull(ended, "execution");
    String reason = new Execution(ended.record(), ended.stateMachine(), config.clock())
        .redriveStatusReason();
    if (reason != null) {
      throw new StepFunctionsException("ExecutionNotRedrivable", reason);
    }
    return prepare(ended.stateMachine(), ended.input(),
        StartOptions.defaults().withStateMachineName(ended.record().stateMachineName())
            .withExecutionName(ended.name()).withTestCase(ended.record().testCase()),
        awaited, ended);
  }

  /** A mock test case's responses by state, as start uses them; IllegalArgumentException if unknown. */
  public Map<String, String> checkTestCase(String stateMachineName, String testCase) {
    if (mockConfig == null) {
      throw new IllegalArgumentException("test case '" + testCase
          + "' was requested but no mock config was given (Builder.mockConfig(path))");
    }
    return mockConfig.testCase(stateMachineName, testCase);
  }

  /**
   * Runs one state as AWS's TestState API does (mock, variables, Context object, state
   * configuration); a Task with no mock calls its function as bound here. Nothing sleeps: a Retry
   * decision is reported (RETRIABLE), not waited for.
   *
   * @throws StepFunctionsException a request AWS refuses, with AWS's error name and message
   */
  public TestStateResponse testState(TestStateRequest request) {
    Objects.requireNonNull(request, "request");
    return TestStateResponse.fromJson(testStateJson(request.toJson(),
        request.definitionSubstitutions()));
  }

  /** TestState on the API's JSON request and response bodies (what an endpoint speaks). */
  public String testStateJson(String requestJson) {
    return testStateJson(requestJson, Map.of());
  }

  /** The same, with functions bound under these substitution keys answering for their ARNs. */
  public String testStateJson(String requestJson, Map<String, String> substitutions) {
    bindSubstitutions(substitutions);
    Random random = seed != null ? new Random(seed + executions.getAndIncrement()) : new Random();
    try {
      return TestStates.run(requestJson, config, random);
    } catch (ApiError e) {
      throw new StepFunctionsException(e.code(), e.getMessage());
    }
  }

  /** Functions bound under a substitution key answer for the ARN the key stands for. */
  private void bindSubstitutions(Map<String, String> substitutions) {
    for (Map.Entry<String, String> e : substitutions.entrySet()) {
      Object binding = bindings.get(e.getKey());
      if (binding != null) {
        String name = functionName(e.getValue());
        runners.computeIfAbsent(name, n -> runner(n, binding));
      }
    }
  }

  /** The runner bound to a plain function name, or null (→ Lambda.ResourceNotFoundException). */
  private FunctionRunner function(String name) {
    FunctionRunner r = runners.get(name);
    if (r != null) {
      return r;
    }
    Object binding = bindings.get(name);
    if (binding == null) {
      return null;
    }
    return runners.computeIfAbsent(name, n -> runner(n, binding));
  }

  private FunctionRunner runner(String name, Object binding) {
    if (binding instanceof LambdaFunction fn) {
      return fake(fn);
    }
    FunctionRunner built = javaHandlers == null ? null : javaHandlers.get(binding);
    if (built != null) {
      return built;
    }
    LocalLambda.Builder lb = binding instanceof LocalLambda.Builder given ? given.defaultIsolation(isolation)
        : LocalLambda.builder((String) binding).isolation(isolation);
    lb.functionName(name).region(region).accountId(accountId);
    if (classLoader != null) {
      lb.classLoader(classLoader);
    }
    LocalLambda lambda = lb.build();
    lambda.handlerProblem().ifPresent(p -> handlerProblems.put(name, p));
    return new FunctionRunner() {
      @Override
      public FunctionRunner.Reply invoke(String event, String requestId) {
        return reply(lambda.invoke(event));
      }

      @Override
      public boolean measured() {
        return true;
      }
    };
  }

  private static FunctionRunner.Reply reply(Invocation inv) {
    if (!inv.failed()) {
      return new FunctionRunner.Reply(inv.payload(), null, null);
    }
    if (inv.errorType() == null) { // what Step Functions reports for an error document without a type
      return new FunctionRunner.Reply(null, "Lambda.Unknown", "The cause could not be determined"
          + " because Lambda did not return an error type. Returned payload: " + inv.payload());
    }
    return new FunctionRunner.Reply(null, inv.errorType(), inv.payload());
  }

  /**
   * Java handlers Lambda's runtime could not call, by function name, with how to fix each. Their
   * Tasks fail the way they would on AWS; this is the early warning.
   */
  public Map<String, String> handlerProblems() {
    return Map.copyOf(new java.util.TreeMap<>(handlerProblems));
  }

  /** An in-process fake as a function: LambdaFunctionError fails like a function error. */
  private static FunctionRunner fake(LambdaFunction fn) {
    return (event, requestId) -> {
      try {
        String out = fn.invoke(event);
        return new FunctionRunner.Reply(out == null ? "null" : out, null, null);
      } catch (LambdaFunctionError e) {
        return new FunctionRunner.Reply(null, e.errorType(), FunctionRunner.errorDocument(
            e.errorType(), e.errorMessage(), requestId, null));
      } catch (RuntimeException e) {
        return new FunctionRunner.Reply(null, e.getClass().getName(), FunctionRunner.errorDocument(
            e.getClass().getName(), e.getMessage(), requestId, e.getStackTrace()));
      }
    };
  }

  private static String functionName(String reference) {
    return FunctionRunner.functionName(reference);
  }

  /** Configures functions, mocks, time and the identity ARNs are built from. */
  public static final class Builder {
    private final Map<String, Object> bindings = new HashMap<>();
    private ClassLoader classLoader;
    private Isolation isolation = Isolation.THREAD;
    private MockConfig mockConfig;
    private Clock clock = Clock.systemUTC();
    private boolean realTime;
    private Long seed;
    private String accountId = "123456789012";
    private String region = "us-east-1";
    private String roleArn;
    private int historyLimit = Limits.HISTORY_EVENTS;
    private final S3Objects s3 = new S3Objects();

    private Builder() {}

    /** Binds a Java handler ({@code pkg.Class::method}) run through LocalLambda. */
    public Builder function(String nameArnOrSubstitutionKey, String handler) {
      bind(nameArnOrSubstitutionKey, Objects.requireNonNull(handler, "handler"));
      return this;
    }

    /**
     * Binds a Java handler with its own settings (timeout, memory, environment, isolation); its
     * function name, region and account are set from the binding and this builder.
     */
    public Builder function(String nameArnOrSubstitutionKey, LocalLambda.Builder lambda) {
      bind(nameArnOrSubstitutionKey, Objects.requireNonNull(lambda, "lambda"));
      return this;
    }

    /** Where Java handlers run (default {@link Isolation#THREAD}); see {@link Isolation}. */
    public Builder isolation(Isolation isolation) {
      this.isolation = Objects.requireNonNull(isolation, "isolation");
      return this;
    }

    /** Binds an in-process fake. */
    public Builder function(String nameArnOrSubstitutionKey, LambdaFunction fn) {
      bind(nameArnOrSubstitutionKey, Objects.requireNonNull(fn, "fn"));
      return this;
    }

    private void bind(String key, Object binding) {
      Objects.requireNonNull(key, "nameArnOrSubstitutionKey");
      bindings.put(key, binding);
      bindings.put(functionName(key), binding);
    }

    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = classLoader;
      return this;
    }

    /** An AWS Step Functions Local MockConfigFile.json; select a test case per execution. */
    public Builder mockConfig(Path file) {
      this.mockConfig = MockConfig.read(file);
      return this;
    }

    /** Virtual time (default): Wait and Retry advance the clock, nothing sleeps. */
    public Builder virtualTime() {
      this.realTime = false;
      return this;
    }

    /** Real time: Wait and Retry really sleep. */
    public Builder realTime() {
      this.realTime = true;
      return this;
    }

    /** Where virtual time starts (and what real time reads). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Makes retry jitter, request ids and generated execution names reproducible. */
    public Builder randomSeed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder accountId(String accountId) {
      this.accountId = Names.checkAccountId(Objects.requireNonNull(accountId, "accountId"));
      return this;
    }

    public Builder region(String region) {
      this.region = Names.checkRegion(Objects.requireNonNull(region, "region"));
      return this;
    }

    /** The execution role shown in {@code $$.Execution.RoleArn} and ExecutionStarted. */
    public Builder roleArn(String roleArn) {
      this.roleArn = Objects.requireNonNull(roleArn, "roleArn");
      return this;
    }

    /**
     * History events after which an execution fails (AWS quota: 25,000). Raise it only to
     * measure long loops that AWS itself would stop.
     */
    public Builder maxHistoryEvents(int limit) {
      if (limit < 2) {
        throw new IllegalArgumentException("maxHistoryEvents must be at least 2, got " + limit);
      }
      this.historyLimit = limit;
      return this;
    }

    /**
     * An S3 object (its text) that a distributed Map's ItemReader ({@code s3:getObject},
     * {@code s3:listObjectsV2}) reads instead of S3; its LastModified is the clock's time now.
     */
    public Builder s3Object(String bucket, String key, String body) {
      s3.put(Objects.requireNonNull(bucket, "bucket"), Objects.requireNonNull(key, "key"),
          Objects.requireNonNull(body, "body"), clock.instant());
      return this;
    }

    /** Java handlers Lambda could not call fail their Tasks as on AWS; see {@link #handlerProblems()}. */
    public LocalStepFunctions build() {
      return new LocalStepFunctions(this);
    }
  }
}
