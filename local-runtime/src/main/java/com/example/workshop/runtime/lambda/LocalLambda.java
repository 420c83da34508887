package com.example.workshop.runtime.lambda;

import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One Lambda function backed by a Java handler, invoked locally the way Lambda runs it: the first
 * invocation of an execution environment runs the init phase (static initialisers, constructor)
 * and reports an Init Duration; later invocations reuse the same handler instance. Concurrent
 * invocations each get their own environment, as on Lambda. Environments run in this JVM
 * ({@link Isolation#THREAD}, the default) or each in its own ({@link Isolation#PROCESS}).
 *
 * <pre>{@code
 * LocalLambda fn = LocalLambda.builder("com.example.orders.Hello::handleRequest").build();
 * Invocation result = fn.invoke("{\"orderId\":\"o-1\"}");
 * }</pre>
 */
public final class LocalLambda {
  /** Lambda's limit for the init phase of an on-demand function. */
  private static final Duration INIT_LIMIT = Duration.ofSeconds(10);
  private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ISO_INSTANT;

  private final FunctionConfig config;
  private final Duration timeout;
  private final Architecture architecture;
  private final Sandbox.Factory sandboxes;
  private final String handlerProblem;
  private final Deque<Sandbox> idle = new ArrayDeque<>();

  private LocalLambda(FunctionConfig config, Duration timeout, Architecture architecture, Isolation isolation) {
    this.config = config;
    this.timeout = timeout;
    this.architecture = architecture;
    this.sandboxes = isolation == Isolation.PROCESS ? ProcessSandbox.factory(config) : ThreadSandbox.factory(config);
    this.handlerProblem = problem(config);
  }

  /** @param handler {@code "pkg.Class::method"} or {@code "pkg.Class"}, as in a SAM template */
  public static Builder builder(String handler) {
    return new Builder(handler);
  }

  public String functionName() {
    return config.functionName();
  }

  public String functionArn() {
    return config.functionArn();
  }

  /**
   * Why Lambda's Java runtime could not call the handler, with how to fix it; empty when it can.
   * Lambda accepts such a function and fails its invocations (Runtime.BadFunctionCode), and so
   * does {@link #invoke}: this is the early warning.
   */
  public Optional<String> handlerProblem() {
    return Optional.ofNullable(handlerProblem);
  }

  /**
   * The check {@link #invoke} makes before running anything: one JSON value, at most 6 MB.
   *
   * @throws IllegalArgumentException saying what is wrong, where
   */
  public static void checkEvent(String eventJson) {
    Payloads.event(eventJson);
  }

  /**
   * Invokes the function synchronously with one event. Handler failures, timeouts and runtime exits
   * come back as a failed {@link Invocation}, never as an exception.
   *
   * @param eventJson the event; null or blank means {@code {}}
   * @throws IllegalArgumentException when the event is not JSON or larger than 6 MB (Lambda's Invoke
   *     API rejects it too)
   */
  public Invocation invoke(String eventJson) {
    byte[] event = Payloads.event(eventJson);
    Sandbox env = take();
    String requestId = UUID.randomUUID().toString();
    Duration left = timeout;
    Double initMs = null;
    Outcome outcome = null;
    boolean cold = !env.initialized();
    Outcome init = cold ? env.init(requestId, INIT_LIMIT) : null;
    if (cold && init == null) {
      initMs = env.initMs();
    } else if (init != null && init.timedOut()) {
      // Lambda retries a timed-out init during the invocation, within the function's timeout.
      initReport(init.durationMs(), "init", "timeout");
      env.close();
      env = sandboxes.create();
      long t0 = System.nanoTime();
      Outcome again = env.init(requestId, timeout);
      left = timeout.minusNanos(System.nanoTime() - t0);
      if (again != null) {
        initReport(again.timedOut() ? timeout.toMillis() : again.durationMs(), "invoke",
            again.timedOut() ? "timeout" : "error\tError Type: " + again.functionError());
        outcome = again;
      }
    } else if (init != null) {
      initReport(init.durationMs(), "init", "error\tError Type: " + init.functionError());
      outcome = init;
    }
    log("START RequestId: " + requestId + " Version: $LATEST");
    if (outcome == null) {
      outcome = left.isNegative() || left.isZero()
          ? new Outcome(null, Outcome.TIMED_OUT, 0, 0) : env.invoke(requestId, event, left);
    }
    String payload = outcome.payload();
    if (outcome.timedOut()) {
      String seconds = String.format(Locale.ROOT, "%.2f", timeout.toMillis() / 1000.0);
      String stamp = LOG_TIME.format(config.clock().instant().truncatedTo(ChronoUnit.MILLIS)) + " " + requestId;
      if (Thread.currentThread().isInterrupted()) {
        log(stamp + " Invocation abandoned: the caller stopped waiting (a Task's TimeoutSeconds or"
            + " HeartbeatSeconds); local-runtime ended the execution environment");
      } else {
        log(stamp + " Task timed out after " + seconds + " seconds");
      }
      payload = ErrorDocument.platform(Outcome.TIMED_OUT, "RequestId: " + requestId + " Error: Task timed out after "
          + seconds + " seconds");
    } else if (!outcome.failed() && payload.getBytes(StandardCharsets.UTF_8).length > Payloads.RESPONSE_LIMIT) {
      outcome = new Outcome(null, Outcome.RESPONSE_TOO_LARGE, outcome.durationMs(), outcome.maxMemoryMb());
      payload = ErrorDocument.of("Response payload size exceeded maximum allowed payload size ("
          + Payloads.RESPONSE_LIMIT + " bytes).", Outcome.RESPONSE_TOO_LARGE, null);
    }
    release(env);

    double durationMs = outcome.timedOut() ? timeout.toMillis() : outcome.durationMs();
    long billed = Report.billedMs(durationMs, initMs);
    Report report = new Report(requestId, durationMs, billed, config.memoryMb(), Math.max(1, outcome.maxMemoryMb()),
        initMs, outcome.timedOut(), outcome.platformError() ? outcome.functionError() : null, architecture);
    log("END RequestId: " + requestId);
    log(report.toLogLine());
    log(report.toCostLine());
    String errorType = outcome.failed() ? ErrorDocument.errorTypeOf(payload) : null;
    return new Invocation(requestId, payload, errorType, outcome.functionError(), report);
  }

  private Sandbox take() {
    synchronized (idle) {
      while (!idle.isEmpty()) {
        Sandbox env = idle.pollFirst();
        if (env.alive()) {
          return env;
        }
      }
    }
    return sandboxes.create();
  }

  private void release(Sandbox env) {
    if (env.alive()) {
      synchronized (idle) {
        idle.addFirst(env);
      }
    } else {
      env.close();
    }
  }

  /** Ends every idle execution environment (their JVMs, with {@link Isolation#PROCESS}). */
  public void close() {
    synchronized (idle) {
      idle.forEach(Sandbox::close);
      idle.clear();
    }
  }

  private void initReport(double ms, String phase, String status) {
    log(String.format(Locale.ROOT, "INIT_REPORT Init Duration: %.2f ms\tPhase: %s\tStatus: %s", ms, phase, status));
  }

  private void log(String line) {
    config.logSink().println(line);
    config.logSink().flush();
  }

  private static String problem(FunctionConfig config) {
    ClassLoader loader = config.classLoader();
    try {
      HandlerResolver.resolve(config.handler(), loader);
      return null;
    } catch (HandlerFault fault) {
      return fault.getMessage();
    }
  }

  /** Settings with Lambda's defaults: 128 MB, 3 s, us-east-1, x86_64, no environment variables. */
  public static final class Builder {
    private static final java.util.regex.Pattern ENV_KEY = java.util.regex.Pattern.compile("[a-zA-Z][a-zA-Z0-9_]+");
    private final String handler;
    private ClassLoader classLoader;
    private List<Path> classpath = List.of();
    private int memoryMb = 128;
    private Duration timeout = Duration.ofSeconds(3);
    private String functionName;
    private String region = "us-east-1";
    private String accountId = "123456789012";
    private PrintStream logSink;
    private Clock clock = Clock.systemUTC();
    private Architecture architecture = Architecture.X86_64;
    /** Null until set: then the binder's default applies ({@link #defaultIsolation}), else THREAD. */
    private Isolation isolation;
    private Isolation defaultIsolation = Isolation.THREAD;
    private final Map<String, String> environment = new LinkedHashMap<>();

    private Builder(String handler) {
      this.handler = handler == null ? "" : handler;
    }

    /** Where handler classes and their dependencies are loaded from (default: this thread's). */
    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
      return this;
    }

    /** The function's code: folders and jars, as in its deployment package (default: this JVM's classpath). */
    public Builder classpath(List<Path> classpath) {
      this.classpath = List.copyOf(classpath);
      return this;
    }

    /** 128 to 10,240 MB, as Lambda allows. */
    public Builder memoryMb(int memoryMb) {
      this.memoryMb = LocalContext.checkedMemory(memoryMb);
      return this;
    }

    /** 1 second to 15 minutes, as Lambda allows. */
    public Builder timeout(Duration timeout) {
      this.timeout = LocalContext.checkedTimeout(timeout);
      return this;
    }

    /** Default: the handler class's simple name. */
    public Builder functionName(String functionName) {
      if (functionName == null || !functionName.matches("[A-Za-z0-9_-]{1,64}")) {
        throw new IllegalArgumentException("function name must be 1 to 64 letters, digits, '-' or '_', got '"
            + functionName + "'");
      }
      this.functionName = functionName;
      return this;
    }

    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId, "accountId");
      return this;
    }

    /** Where START/END/REPORT lines and the handler's log output go (default: stderr). */
    public Builder logSink(PrintStream logSink) {
      this.logSink = Objects.requireNonNull(logSink, "logSink");
      return this;
    }

    /** The clock behind Context.getRemainingTimeInMillis() and log timestamps (in this JVM). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Decides the price per GB-second in the cost line (default x86_64, Lambda's default). */
    public Builder architecture(Architecture architecture) {
      this.architecture = Objects.requireNonNull(architecture, "architecture");
      return this;
    }

    /** Default {@link Isolation#THREAD}; {@link #environment} needs {@link Isolation#PROCESS}. */
    public Builder isolation(Isolation isolation) {
      this.isolation = Objects.requireNonNull(isolation, "isolation");
      return this;
    }

    /**
     * The isolation to use unless {@link #isolation} was called: how whoever binds this builder
     * (LocalStepFunctions) passes its own setting on without overriding one made here.
     */
    public Builder defaultIsolation(Isolation isolation) {
      this.defaultIsolation = Objects.requireNonNull(isolation, "isolation");
      return this;
    }

    /**
     * One environment variable of the function, checked as Lambda checks them: the name is a letter
     * then letters, digits or '_', and Lambda's reserved names (AWS_REGION, _HANDLER, ...) are refused.
     */
    public Builder environment(String name, String value) {
      Objects.requireNonNull(value, "value");
      if (name == null || !ENV_KEY.matcher(name).matches()) {
        throw new IllegalArgumentException("environment variable name '" + name + "' is not allowed: Lambda"
            + " wants a letter followed by letters, digits or '_' ([a-zA-Z]([a-zA-Z0-9_])+)");
      }
      if (ProcessSandbox.RESERVED.contains(name)) {
        throw new IllegalArgumentException("Lambda was unable to configure your environment variables because the"
            + " environment variables you have provided contains reserved keys that are currently not supported"
            + " for modification. Reserved keys used in this request: " + name);
      }
      environment.put(name, value);
      return this;
    }

    public LocalLambda build() {
      Isolation isolation = this.isolation != null ? this.isolation : defaultIsolation;
      ClassLoader cl = classLoader;
      if (cl == null) {
        cl = Thread.currentThread().getContextClassLoader();
      }
      if (cl == null) {
        cl = LocalLambda.class.getClassLoader();
      }
      List<Path> cp = classpath;
      if (!classpath.isEmpty()) {
        cl = new URLClassLoader(urls(classpath), cl);
      } else if (classLoader instanceof URLClassLoader u && isolation == Isolation.PROCESS) {
        cp = paths(u);
      }
      if (!environment.isEmpty() && isolation != Isolation.PROCESS) {
        throw new IllegalArgumentException("environment variables " + new TreeSet<>(environment.keySet())
            + " need Isolation.PROCESS: a JVM cannot change its own environment");
      }
      String name = functionName != null ? functionName : defaultName(handler);
      FunctionConfig config = new FunctionConfig(handler, name, memoryMb, region, accountId, cl, cp,
          Map.copyOf(environment), logSink != null ? logSink : System.err, clock);
      return new LocalLambda(config, timeout, architecture, isolation);
    }

    /** {@code com.example.Orders$Validate::handle} → {@code Validate}. */
    private static String defaultName(String handler) {
      int colons = handler.lastIndexOf("::");
      String cls = colons < 0 ? handler : handler.substring(0, colons);
      String simple = cls.substring(Math.max(cls.lastIndexOf('.'), cls.lastIndexOf('$')) + 1);
      return simple.matches("[A-Za-z0-9_-]{1,64}") ? simple : "local-function";
    }

    private static URL[] urls(List<Path> paths) {
      try {
        URL[] urls = new URL[paths.size()];
        for (int i = 0; i < urls.length; i++) {
          urls[i] = paths.get(i).toUri().toURL();
        }
        return urls;
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("classpath entry is not usable: " + e.getMessage(), e);
      }
    }

    private static List<Path> paths(URLClassLoader loader) {
      return java.util.Arrays.stream(loader.getURLs()).filter(u -> u.getProtocol().equals("file"))
          .map(u -> {
            try {
              return Path.of(u.toURI());
            } catch (java.net.URISyntaxException e) {
              throw new IllegalArgumentException("classpath entry is not usable: " + u, e);
            }
          }).toList();
    }
  }
}
