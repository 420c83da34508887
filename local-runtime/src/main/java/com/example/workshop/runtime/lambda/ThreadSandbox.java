package com.example.workshop.runtime.lambda;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An execution environment inside this JVM: fast to start, but nothing is isolated. The handler's
 * {@code System.exit} ends this JVM, its heap is this JVM's heap, environment variables cannot be
 * set, and a timed-out invocation's thread is interrupted and abandoned rather than killed.
 */
final class ThreadSandbox implements Sandbox {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final FunctionConfig config;
  private final HandlerFault fault;
  private final ExecutionEnvironment env;
  private final AtomicReference<ExecutionEnvironment.InitFailure> classInitFailure;
  private boolean initialized;
  private boolean alive = true;
  private double initMs;

  private ThreadSandbox(FunctionConfig config, HandlerSpec spec, HandlerFault fault,
      AtomicReference<ExecutionEnvironment.InitFailure> classInitFailure) {
    this.config = config;
    this.fault = fault;
    this.classInitFailure = classInitFailure;
    this.env = spec == null ? null : new ExecutionEnvironment(spec, config.classLoader());
  }

  static Sandbox.Factory factory(FunctionConfig config) {
    HandlerSpec spec = null;
    HandlerFault fault = null;
    try {
      spec = HandlerResolver.resolve(config.handler(), config.classLoader());
    } catch (HandlerFault f) {
      fault = f;
    }
    HandlerSpec s = spec;
    HandlerFault f = fault;
    AtomicReference<ExecutionEnvironment.InitFailure> classInitFailure = new AtomicReference<>();
    return () -> new ThreadSandbox(config, s, f, classInitFailure);
  }

  @Override
  public Outcome init(String requestId, Duration limit) {
    if (initialized) {
      return null;
    }
    if (fault != null) {
      initialized = true;
      if (!fault.fatal()) {
        return null; // reported by each invocation, as the runtime interface client does
      }
      alive = false;
      log(fault.document());
      return new Outcome(fault.document(), Outcome.BAD_FUNCTION_CODE, 0, usedHeapMb());
    }
    Worker w = start("init", () -> env.init());
    if (!w.await(limit)) {
      alive = false;
      return new Outcome(null, Outcome.TIMED_OUT, limit.toMillis(), usedHeapMb());
    }
    initMs = w.nanos / 1e6;
    initialized = true;
    if (w.thrown instanceof ExecutionEnvironment.InitFailure thrown) {
      alive = false;
      ExecutionEnvironment.InitFailure failure = repeated(thrown);
      logTrace(failure.getCause());
      return new Outcome(failure.document, Outcome.BAD_FUNCTION_CODE, initMs, usedHeapMb());
    }
    return null;
  }

  /**
   * A new JVM would run the failed static initialiser again and fail the same way; this JVM remembers
   * the class as unusable ("Could not initialize class"), so the first failure is reported again.
   */
  private ExecutionEnvironment.InitFailure repeated(ExecutionEnvironment.InitFailure failure) {
    if (failure.getCause() instanceof ExceptionInInitializerError) {
      classInitFailure.compareAndSet(null, failure);
      return failure;
    }
    ExecutionEnvironment.InitFailure first = classInitFailure.get();
    return first != null && failure.getCause() instanceof NoClassDefFoundError ? first : failure;
  }

  @Override
  public boolean initialized() {
    return initialized;
  }

  @Override
  public double initMs() {
    return initMs;
  }

  @Override
  public Outcome invoke(String requestId, byte[] event, Duration timeout) {
    if (fault != null) {
      log(fault.document());
      return new Outcome(fault.document(), Outcome.BAD_FUNCTION_CODE, 0, usedHeapMb());
    }
    LocalContext context = config.context(requestId).timeout(timeout).build();
    byte[][] output = new byte[1][];
    Worker w = start(requestId, () -> output[0] = env.call(event, context));
    if (!w.await(timeout)) {
      alive = false;
      return new Outcome(null, Outcome.TIMED_OUT, timeout.toMillis(), usedHeapMb());
    }
    double ms = w.nanos / 1e6;
    if (w.thrown != null) {
      logTrace(w.thrown);
      return new Outcome(ErrorDocument.fromThrowable(w.thrown), Outcome.USER_EXCEPTION, ms, usedHeapMb());
    }
    return new Outcome(new String(output[0], StandardCharsets.UTF_8), null, ms, usedHeapMb());
  }

  @Override
  public boolean alive() {
    return alive;
  }

  @Override
  public void close() {
    alive = false;
  }

  private void log(String line) {
    config.logSink().println(line);
  }

  private void logTrace(Throwable t) {
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    log(trace.toString().stripTrailing());
  }

  private Worker start(String name, Task task) {
    Worker w = new Worker(task);
    Thread thread = new Thread(w, "lambda-" + config.functionName() + "-" + THREADS.incrementAndGet() + "-" + name);
    thread.setDaemon(true);
    thread.setContextClassLoader(config.classLoader());
    w.thread = thread;
    thread.start();
    return w;
  }

  /** Heap in use, in MB, at most the memory size: the closest this JVM has to the sandbox's memory. */
  private int usedHeapMb() {
    Runtime rt = Runtime.getRuntime();
    long used = (rt.totalMemory() - rt.freeMemory() + (1 << 20) - 1) >> 20;
    return (int) Math.min(config.memoryMb(), used);
  }

  private interface Task {
    void run() throws Throwable;
  }

  /** Runs a task on its own thread so that a timeout can abandon it. */
  private static final class Worker implements Runnable {
    private final Task task;
    private final CountDownLatch done = new CountDownLatch(1);
    Thread thread;
    volatile Throwable thrown;
    volatile long nanos;

    Worker(Task task) {
      this.task = task;
    }

    @Override
    public void run() {
      long t0 = System.nanoTime();
      try {
        task.run();
      } catch (Throwable t) {
        thrown = t;
      } finally {
        nanos = System.nanoTime() - t0;
        done.countDown();
      }
    }

    boolean await(Duration limit) {
      try {
        if (done.await(limit.toNanos(), TimeUnit.NANOSECONDS)) {
          return true;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thread.interrupt();
      return false;
    }
  }
}
