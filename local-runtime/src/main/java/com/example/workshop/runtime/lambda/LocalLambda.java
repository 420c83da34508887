package com.example.workshop.runtime.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Lambda function backed by a Java handler, invoked locally the way the Lambda Java runtime
 * does it: the first invocation of an execution environment runs the init phase (static
 * initialisers, constructor) and reports an Init Duration; later invocations reuse the same
 * handler instance. Concurrent invocations each get their own environment, as on Lambda.
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
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final HandlerSpec spec;
  private final ClassLoader loader;
  private final String functionName;
  private final int memoryMb;
  private final Duration timeout;
  private final String region;
  private final String accountId;
  private final PrintStream logSink;
  private final Clock clock;
  private final Architecture architecture;
  private final Deque<ExecutionEnvironment> idle = new ArrayDeque<>();

  private LocalLambda(Builder b, HandlerSpec spec, ClassLoader loader) {
    this.spec = spec;
    this.loader = loader;
    this.functionName = b.functionName != null ? b.functionName : spec.handlerClass().getSimpleName();
    this.memoryMb = b.memoryMb;
    this.timeout = b.timeout;
    this.region = b.region;
    this.accountId = b.accountId;
    this.logSink = b.logSink != null ? b.logSink : System.err;
    this.clock = b.clock;
    this.architecture = b.architecture;
  }

  /** @param handler {@code "pkg.Class::method"} or {@code "pkg.Class"}, as in a SAM template */
  public static Builder builder(String handler) {
    return new Builder(handler);
  }

  public String functionName() {
    return functionName;
  }

  public String functionArn() {
    return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + functionName;
  }

  /**
   * Invokes the function synchronously with one event. Handler failures and timeouts come back
   * as a failed {@link Invocation}, never as an exception.
   *
   * @param eventJson the event; null or blank means {@code {}}
   * @throws IllegalArgumentException when the event is not JSON (Lambda's Invoke API rejects it too)
   */
  public Invocation invoke(String eventJson) {
    byte[] event = validEvent(eventJson);
    ExecutionEnvironment env;
    synchronized (idle) {
      env = idle.pollFirst();
    }
    if (env == null) {
      env = new ExecutionEnvironment(spec, loader);
    }
    String requestId = UUID.randomUUID().toString();
    log("START RequestId: " + requestId + " Version: $LATEST");
    long heapBefore = usedHeapMb();

    Attempt attempt = new Attempt(env, event, requestId);
    Thread worker = new Thread(attempt, "lambda-" + functionName + "-" + THREADS.incrementAndGet());
    worker.setDaemon(true);
    worker.setContextClassLoader(loader);
    worker.start();
    boolean finished = attempt.await(timeout);

    String payload;
    String errorType;
    boolean keepEnvironment = true;
    boolean timedOut = false;
    double durationMs;
    Double initMs = attempt.initNanos >= 0 ? attempt.initNanos / 1e6 : null;
    if (!finished) {
      worker.interrupt();
      keepEnvironment = false;
      timedOut = true;
      durationMs = timeout.toMillis();
      String seconds = String.format(Locale.ROOT, "%.2f", timeout.toMillis() / 1000.0);
      log(LOG_TIME.format(clock.instant().truncatedTo(ChronoUnit.MILLIS)) + " " + requestId
          + " Task timed out after " + seconds + " seconds");
      errorType = "Sandbox.Timedout";
      payload = ErrorDocument.of("RequestId: " + requestId + " Error: Task timed out after " + seconds + " seconds",
          errorType, null);
    } else if (attempt.initFailure != null) {
      keepEnvironment = false;
      durationMs = initMs == null ? 0 : initMs;
      errorType = attempt.initFailure.errorType;
      payload = attempt.initFailure.document;
      log(payload);
    } else if (attempt.thrown != null) {
      durationMs = attempt.handlerNanos / 1e6;
      errorType = attempt.thrown.getClass().getName();
      payload = ErrorDocument.fromThrowable(attempt.thrown);
      StringWriter trace = new StringWriter();
      attempt.thrown.printStackTrace(new PrintWriter(trace));
      log(trace.toString().stripTrailing());
    } else {
      durationMs = attempt.handlerNanos / 1e6;
      errorType = null;
      payload = new String(attempt.output, StandardCharsets.UTF_8);
    }
    if (keepEnvironment) {
      synchronized (idle) {
        idle.addFirst(env);
      }
    }

    long billed = Report.billedMs(durationMs, initMs);
    int maxMemory = (int) Math.min(memoryMb, Math.max(heapBefore, usedHeapMb()));
    Report report = new Report(requestId, durationMs, billed, memoryMb, maxMemory, initMs, timedOut, architecture);
    log("END RequestId: " + requestId);
    log(report.toLogLine());
    log(report.toCostLine());
    return new Invocation(requestId, payload, errorType, report);
  }

  private byte[] validEvent(String eventJson) {
    String json = eventJson == null || eventJson.isBlank() ? "{}" : eventJson;
    try {
      ErrorDocument.JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event is not valid JSON: " + e.getOriginalMessage()
          + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
    }
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private void log(String line) {
    logSink.println(line);
    logSink.flush();
  }

  private static long usedHeapMb() {
    Runtime rt = Runtime.getRuntime();
    return (rt.totalMemory() - rt.freeMemory() + (1 << 20) - 1) >> 20;
  }

  /** One invocation on one environment, run on its own thread so that a timeout can abandon it. */
  private final class Attempt implements Runnable {
    private final ExecutionEnvironment env;
    private final byte[] event;
    private final String requestId;
    private final CountDownLatch initDone = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile long handlerStart;
    volatile long initNanos = -1;
    volatile long handlerNanos;
    volatile byte[] output;
    volatile Throwable thrown;
    volatile ExecutionEnvironment.InitFailure initFailure;

    Attempt(ExecutionEnvironment env, byte[] event, String requestId) {
      this.env = env;
      this.event = event;
      this.requestId = requestId;
    }

    @Override
    public void run() {
      try {
        if (!env.initialized()) {
          long t0 = System.nanoTime();
          try {
            env.init();
          } catch (ExecutionEnvironment.InitFailure f) {
            initFailure = f;
            return;
          } finally {
            initNanos = System.nanoTime() - t0;
          }
        }
        handlerStart = System.nanoTime();
        initDone.countDown();
        LocalContext context = LocalContext.builder()
            .awsRequestId(requestId)
            .functionName(functionName)
            .region(region)
            .accountId(accountId)
            .memoryLimitInMb(memoryMb)
            .timeout(timeout)
            .clock(clock)
            .logger(new LocalContext.StreamLogger(logSink))
            .build();
        try {
          output = env.call(event, context);
        } catch (Throwable t) {
          thrown = t;
        } finally {
          handlerNanos = System.nanoTime() - handlerStart;
        }
      } finally {
        done.countDown();
        initDone.countDown();
      }
    }

    /** True when the attempt ended within the init limit and the function timeout. */
    boolean await(Duration timeout) {
      try {
        if (!initDone.await(INIT_LIMIT.plus(timeout).toNanos(), TimeUnit.NANOSECONDS)) {
          return false;
        }
        if (done.getCount() == 0) {
          return true;
        }
        long left = timeout.toNanos() - (System.nanoTime() - handlerStart);
        return done.await(Math.max(0, left), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return done.getCount() == 0;
      }
    }
  }

  /** Settings with Lambda's defaults: 128 MB, 3 s, us-east-1, x86_64. */
  public static final class Builder {
    private final String handler;
    private ClassLoader classLoader;
    private int memoryMb = 128;
    private Duration timeout = Duration.ofSeconds(3);
    private String functionName;
    private String region = "us-east-1";
    private String accountId = "123456789012";
    private PrintStream logSink;
    private Clock clock = Clock.systemUTC();
    private Architecture architecture = Architecture.X86_64;

    private Builder(String handler) {
      this.handler = handler;
    }

    /** Where handler classes and their dependencies are loaded from (default: this thread's). */
    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
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

    /** Where START/END/REPORT lines and the handler's LambdaLogger output go (default: stderr). */
    public Builder logSink(PrintStream logSink) {
      this.logSink = Objects.requireNonNull(logSink, "logSink");
      return this;
    }

    /** The clock behind Context.getRemainingTimeInMillis() and log timestamps. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Decides the price per GB-second in the cost line (default x86_64, Lambda's default). */
    public Builder architecture(Architecture architecture) {
      this.architecture = Objects.requireNonNull(architecture, "architecture");
      return this;
    }

    /** @throws InvalidHandlerException when the handler cannot be resolved */
    public LocalLambda build() {
      ClassLoader cl = classLoader;
      if (cl == null) {
        cl = Thread.currentThread().getContextClassLoader();
      }
      if (cl == null) {
        cl = LocalLambda.class.getClassLoader();
      }
      return new LocalLambda(this, HandlerResolver.resolve(handler, cl), cl);
    }
  }
}
