package com.example.workshop.runtime.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * An execution environment in a JVM of its own, as Lambda runs each environment in its own
 * sandbox: the memory size caps the heap (85%, as the Lambda Java runtime sets MaxHeapSize), a
 * timeout ends the process, {@code System.exit} ends only this environment, and static state lives
 * as long as the process. The JVM runs {@link Bootstrap} against a {@link RuntimeApi} of its own;
 * its output is the function's log.
 */
final class ProcessSandbox implements Sandbox {
  /** Environment variables Lambda sets itself and does not let a function change. */
  static final Set<String> RESERVED = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION",
      "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
      "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
      "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
      "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");
  /** Variables of this process a JVM needs to start on the platform; nothing else is passed on. */
  private static final List<String> PLATFORM = List.of("PATH", "SystemRoot", "windir", "TEMP", "TMP", "TMPDIR");
  private static final Duration LOG_WAIT = Duration.ofSeconds(5);

  private final FunctionConfig config;
  private final List<String> command;
  private RuntimeApi api;
  private Process process;
  private Thread pump;
  private final LinkedBlockingQueue<String> flushed = new LinkedBlockingQueue<>();
  private boolean initialized;
  private boolean alive = true;
  private double initMs;
  private int maxMemoryMb;

  private ProcessSandbox(FunctionConfig config, List<String> command) {
    this.config = config;
    this.command = command;
  }

  static Sandbox.Factory factory(FunctionConfig config) {
    List<String> command = command(config);
    return () -> new ProcessSandbox(config, command);
  }

  @Override
  public Outcome init(String requestId, Duration limit) {
    if (initialized) {
      return null;
    }
    initialized = true;
    long t0 = System.nanoTime();
    start();
    while (true) {
      RuntimeApi.Post post = api.next(limit.minusNanos(System.nanoTime() - t0));
      double ms = (System.nanoTime() - t0) / 1e6;
      if (post == null) {
        kill();
        return new Outcome(null, Outcome.TIMED_OUT, limit.toMillis(), maxMemoryMb);
      }
      switch (post.kind()) {
        case POLLED -> {
          initMs = ms;
          memory();
          return null;
        }
        case INIT_ERROR -> {
          awaitExit();
          return new Outcome(post.text(), orDefault(post.errorType(), Outcome.BAD_FUNCTION_CODE), ms, maxMemoryMb);
        }
        case EXITED -> {
          return exited(requestId, ms);
        }
        default -> { } // nothing else can come before the first poll
      }
    }
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
    long t0 = System.nanoTime();
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    api.offer(new RuntimeApi.Request(requestId, event, deadline, config.functionArn()));
    while (true) {
      RuntimeApi.Post post = api.next(timeout.minusNanos(System.nanoTime() - t0));
      double ms = (System.nanoTime() - t0) / 1e6;
      if (post == null) {
        kill();
        return new Outcome(null, Outcome.TIMED_OUT, timeout.toMillis(), maxMemoryMb);
      }
      switch (post.kind()) {
        case RESPONSE -> {
          awaitLogs(requestId);
          return new Outcome(post.text(), null, ms, memory());
        }
        case ERROR -> {
          awaitLogs(requestId);
          return new Outcome(post.text(), orDefault(post.errorType(), Outcome.USER_EXCEPTION), ms, memory());
        }
        case EXITED -> {
          return exited(requestId, ms);
        }
        default -> { } // the runtime's next poll
      }
    }
  }

  @Override
  public boolean alive() {
    return alive && (process == null || process.isAlive());
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  private void start() {
    api = new RuntimeApi();
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    Map<String, String> inherited = Map.copyOf(env);
    env.clear();
    for (String name : PLATFORM) {
      if (inherited.containsKey(name)) {
        env.put(name, inherited.get(name));
      }
    }
    env.putAll(config.environment());
    env.putAll(reserved(config, api.address()));
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start a JVM for function " + config.functionName() + ": "
          + e.getMessage(), e);
    }
    process.onExit().thenRun(api::exited);
    pump = new Thread(this::pumpLogs, "lambda-log-" + config.functionName());
    pump.setDaemon(true);
    pump.start();
  }

  /** The variables Lambda sets for every function (the parts that make sense offline). */
  static Map<String, String> reserved(FunctionConfig config, String runtimeApi) {
    return Map.ofEntries(
        Map.entry("_HANDLER", config.handler()),
        Map.entry("AWS_LAMBDA_RUNTIME_API", runtimeApi),
        Map.entry("AWS_LAMBDA_FUNCTION_NAME", config.functionName()),
        Map.entry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(config.memoryMb())),
        Map.entry("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"),
        Map.entry("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand"),
        Map.entry("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + config.functionName()),
        Map.entry("AWS_LAMBDA_LOG_STREAM_NAME", "local/[$LATEST]" + Integer.toHexString(System.identityHashCode(config))),
        Map.entry("AWS_REGION", config.region()),
        Map.entry("AWS_DEFAULT_REGION", config.region()),
        Map.entry("AWS_EXECUTION_ENV", "AWS_Lambda_java" + Runtime.version().feature()),
        Map.entry("TZ", ":UTC"),
        Map.entry("LANG", "en_US.UTF-8"));
  }

  private static List<String> command(FunctionConfig config) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // What the Lambda Java runtime starts its JVM with: 85% of the memory size as heap, serial GC,
    // tiered compilation stopped at level 1 (java17 and later).
    cmd.add("-XX:MaxHeapSize=" + (config.memoryMb() * 1024L * 85 / 100) + "k");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-XX:+TieredCompilation");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-Xshare:auto");
    cmd.add("-Djava.net.preferIPv4Stack=true");
    cmd.add("-Dfile.encoding=UTF-8");
    if (!config.classpath().isEmpty()) {
      cmd.add("-D" + Bootstrap.TASK_CLASSPATH + "=" + config.classpath().stream().map(Path::toString)
          .collect(Collectors.joining(File.pathSeparator)));
    }
    cmd.add("-cp");
    cmd.add(runtimeClasspath());
    cmd.add(Bootstrap.class.getName());
    return List.copyOf(cmd);
  }

  /**
   * Where local-runtime and the Lambda libraries it runs handlers with live, then this JVM's classpath:
   * local-runtime.jar itself from the command line; in a test, the test's classpath.
   */
  private static String runtimeClasspath() {
    Set<String> entries = new LinkedHashSet<>();
    for (Class<?> anchor : List.of(Bootstrap.class, Context.class, PojoSerializer.class, S3Event.class,
        org.joda.time.DateTime.class)) {
      CodeSource source = anchor.getProtectionDomain().getCodeSource();
      if (source != null) {
        try {
          entries.add(Path.of(source.getLocation().toURI()).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
          // not a file: the classpath below has it
        }
      }
    }
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private void pumpLogs() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        int mark = line.indexOf(Bootstrap.LOGS_FLUSHED);
        if (mark < 0) {
          config.logSink().println(line);
          continue;
        }
        if (mark > 0) {
          config.logSink().println(line.substring(0, mark));
        }
        flushed.add(line.substring(mark + Bootstrap.LOGS_FLUSHED.length()));
      }
    } catch (IOException e) {
      // the process is gone; what it wrote is out
    }
    config.logSink().flush();
  }

  /** Waits until the log lines the invocation wrote before its response have been forwarded. */
  private void awaitLogs(String requestId) {
    long until = System.nanoTime() + LOG_WAIT.toNanos();
    try {
      String id;
      while ((id = flushed.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
        if (id.equals(requestId)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Outcome exited(String requestId, double ms) {
    alive = false;
    int status = awaitExit();
    String how = status > 128 && status <= 128 + 31 ? "signal: " + signal(status - 128) : "exit status " + status;
    String message = "RequestId: " + requestId + " Error: Runtime exited with error: " + how;
    config.logSink().println(message);
    config.logSink().println(Outcome.EXIT_ERROR);
    return new Outcome(ErrorDocument.platform(Outcome.EXIT_ERROR, message), Outcome.EXIT_ERROR, ms, maxMemoryMb);
  }

  private static String signal(int number) {
    return switch (number) {
      case 6 -> "aborted";
      case 9 -> "killed";
      case 11 -> "segmentation fault";
      case 15 -> "terminated";
      default -> "signal " + number;
    };
  }

  /** Waits for the process to end and its log to be forwarded; returns its exit status. */
  private int awaitExit() {
    alive = false;
    try {
      if (!process.waitFor(LOG_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
      }
      pump.join(LOG_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    api.close();
    return process.isAlive() ? -1 : process.exitValue();
  }

  private void kill() {
    memory();
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    awaitExit();
  }

  /** Peak resident memory of the JVM (VmHWM on Linux), at most the memory size; the heap elsewhere. */
  private int memory() {
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          maxMemoryMb = (int) Math.min(config.memoryMb(), Math.max(maxMemoryMb, (kb + 1023) / 1024));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or the process is gone: keep what was measured
    }
    return maxMemoryMb;
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
