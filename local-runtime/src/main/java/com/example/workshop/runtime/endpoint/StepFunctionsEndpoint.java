package com.example.workshop.runtime.endpoint;

import com.example.workshop.runtime.sfn.LocalStepFunctions;
import com.example.workshop.runtime.sfn.StateMachine;
import com.example.workshop.runtime.sfn.StateMachineType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The AWS Step Functions API on this machine, for the AWS SDKs and the AWS CLI
 * ({@code --endpoint-url http://localhost:8083}): state machines are created, described, listed
 * and deleted, executions started (Standard on a worker, Express synchronously too), described,
 * listed and their histories read, all in memory, on the engine and the functions of a
 * LocalStepFunctions builder. It listens on the loopback interface only.
 *
 * <pre>{@code
 * try (StepFunctionsEndpoint api = StepFunctionsEndpoint.builder(LocalStepFunctions.builder()
 *     .function("ValidateOrder", "com.example.orders.ValidateOrder::handleRequest")).port(0).start()) {
 *   SfnClient sfn = SfnClient.builder().endpointOverride(api.url()).region(Region.US_EAST_1)...build();
 * }
 * }</pre>
 */
public final class StepFunctionsEndpoint implements AutoCloseable {
  /** The port of {@code serve} when none is given. */
  public static final int DEFAULT_PORT = 8083;

  private final HttpServer server;
  private final ExecutorService http;
  private final ExecutorService workers;
  private final MachineOperations machines;
  private final Engines engines;
  private final String defaultRole;

  private StepFunctionsEndpoint(Builder b) throws IOException {
    this.engines = b.engine != null ? new Engines(b.engine.accountId(b.accountId).region(b.region))
        : new Engines(b.instance);
    this.defaultRole = "arn:aws:iam::" + b.accountId + ":role/LocalStepFunctionsRole";
    Registry registry = new Registry(new Arns(b.region, b.accountId));
    this.machines = new MachineOperations(registry, defaultRole, b.clock);
    this.workers = Executors.newCachedThreadPool(daemons("sfn-execution-"));
    ExecutionOperations executions = new ExecutionOperations(registry, engines, workers,
        new ExecutionLog(b.executionLog), b.clock);
    HistoryOperation history = new HistoryOperation(registry);
    ControlOperations control = new ControlOperations(registry, engines, defaultRole, workers, executions, b.clock);
    Map<String, Function<Request, ObjectNode>> ops = new LinkedHashMap<>();
    ops.put("CreateStateMachine", machines::create);
    ops.put("DescribeStateMachine", machines::describe);
    ops.put("ListStateMachines", machines::list);
    ops.put("DeleteStateMachine", machines::delete);
    ops.put("ValidateStateMachineDefinition", machines::validate);
    ops.put("StartExecution", executions::start);
    ops.put("StartSyncExecution", executions::startSync);
    ops.put("DescribeExecution", executions::describe);
    ops.put("ListExecutions", executions::list);
    ops.put("GetExecutionHistory", history::history);
    ops.put("StopExecution", control::stop);
    ops.put("RedriveExecution", control::redrive);
    ops.put("SendTaskSuccess", control::taskSuccess);
    ops.put("SendTaskFailure", control::taskFailure);
    ops.put("SendTaskHeartbeat", control::taskHeartbeat);
    ops.put("TestState", control::testState);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 64);
    this.http = Executors.newCachedThreadPool(daemons("sfn-endpoint-"));
    server.setExecutor(http);
    server.createContext("/", new Protocol(ops, b.requestLog));
    server.start();
  }

  /** An endpoint whose executions run on {@code engine} (its functions, mocks, clock). */
  public static Builder builder(LocalStepFunctions.Builder engine) {
    return new Builder(engine);
  }

  /**
   * An endpoint in front of an instance the caller keeps using: its executions, started through
   * the Java API ({@code startExecution}), get their tokens answered by SendTaskSuccess,
   * SendTaskFailure and SendTaskHeartbeat requests, as an SDK client in the code under test sends
   * them. Every execution runs on this instance, with its own role, account and region (set
   * {@link Builder#accountId} and {@link Builder#region} to the same for the ARNs the endpoint makes).
   */
  public static Builder serving(LocalStepFunctions instance) {
    return new Builder(Objects.requireNonNull(instance, "instance"));
  }

  /** The port it listens on (the one chosen by the system when started with port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://localhost:PORT}: what {@code endpointOverride} and {@code --endpoint-url} take. */
  public URI url() {
    return URI.create("http://localhost:" + port());
  }

  /**
   * Creates a state machine from a compiled definition (substitutions already resolved), as
   * CreateStateMachine would, under the default role; returns its ARN.
   *
   * @throws IllegalArgumentException when the name is taken or invalid, or the definition is not
   *     allowed for {@code type}, with the API's message
   */
  public String createStateMachine(String name, StateMachine machine, StateMachineType type) {
    try {
      Names.check(name);
      MachineOperations.compile(machine.definitionJson(), type);
      return machines.define(name, machine, type).arn();
    } catch (ApiError e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  /** Java handlers Lambda could not call, by function name (see LocalStepFunctions#handlerProblems). */
  public Map<String, String> handlerProblems() {
    return engines.forRole(defaultRole).handlerProblems();
  }

  /** Stops listening and abandons running executions; nothing is kept. */
  @Override
  public void close() {
    server.stop(0);
    http.shutdownNow();
    workers.shutdownNow();
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Port, identity (ARNs), and where execution logs and the request log go. */
  public static final class Builder {
    private final LocalStepFunctions.Builder engine;
    private final LocalStepFunctions instance;
    private int port = DEFAULT_PORT;
    private String accountId = "123456789012";
    private String region = "us-east-1";
    private PrintStream executionLog;
    private PrintStream requestLog;
    private Clock clock = Clock.systemUTC();

    private Builder(LocalStepFunctions.Builder engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
      this.instance = null;
    }

    private Builder(LocalStepFunctions instance) {
      this.engine = null;
      this.instance = instance;
    }

    /** 0 lets the system choose a free port (see {@link #port()}). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** The account in every ARN (default 123456789012); also set on a builder's engine. */
    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId, "accountId");
      return this;
    }

    /** The region in every ARN (default us-east-1); also set on a builder's engine. */
    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /**
     * Where the log events of state machines created with a {@code loggingConfiguration} go (one
     * JSON line each, as CloudWatch Logs would receive them); default nowhere.
     */
    public Builder executionLog(PrintStream out) {
      this.executionLog = out;
      return this;
    }

    /** One line per API request (operation, HTTP status, milliseconds); default nowhere. */
    public Builder requestLog(PrintStream out) {
      this.requestLog = out;
      return this;
    }

    /** The clock of creation and start dates (the engine has its own). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Starts listening.
     *
     * @throws UncheckedIOException when the port cannot be bound (in use, not allowed)
     */
    public StepFunctionsEndpoint start() {
      try {
        return new StepFunctionsEndpoint(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on port " + port + ": " + e.getMessage(), e);
      }
    }
  }
}
