package com.example.workshop.runtime.lambda;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * AWS's Java runtime (aws-lambda-java-runtime-interface-client, as published on Maven Central) in an
 * execution environment of its own: its JVM runs in the function's task root (the runtime loads the
 * function from its working directory and lib/), and polls a {@link RuntimeApi} of ours. The oracle of
 * {@link RuntimeClientDifferentialTest}.
 */
final class RuntimeInterfaceClient implements AutoCloseable {
  private static final String MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
  private static final Duration WAIT = Duration.ofSeconds(30);
  /** The runtimes' logs, for when a row fails. */
  static final Path LOG = Path.of("target", "runtime-interface-client.log");

  /** What the runtime posted for one invocation: the body and its Lambda-Runtime-Function-Error-Type. */
  record Result(String payload, String functionError) {}

  private final RuntimeApi api = new RuntimeApi();
  private final Process process;
  private boolean initFailed;

  /**
   * @param runtime the folder of the runtime's jars
   * @param taskRoot the function's code: classes at the root, jars in lib/
   */
  RuntimeInterfaceClient(Path runtime, Path taskRoot, String handler, FunctionConfig config) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
        // Lambda's LANG=en_US.UTF-8 names a locale its images have and this machine may not (then Java 17 would
        // fall back to ASCII and the S3 serializer would write '?' for non-ASCII keys).
        "-Dfile.encoding=UTF-8", "-cp", jars(runtime), MAIN, handler));
    ProcessBuilder pb = new ProcessBuilder(command).directory(taskRoot.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()));
    Map<String, String> env = pb.environment();
    String path = env.get("PATH");
    env.clear();
    env.put("PATH", path == null ? "/usr/bin:/bin" : path);
    env.putAll(ProcessSandbox.reserved(config, api.address()));
    env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
    try {
      process = pb.start();
    } catch (IOException e) {
      api.close();
      throw new IllegalStateException("cannot start the runtime interface client: " + e.getMessage(), e);
    }
    process.onExit().thenRun(api::exited);
  }

  static boolean available(Path runtime) {
    return Files.isDirectory(runtime) && !jars(runtime).isEmpty();
  }

  boolean alive() {
    return process.isAlive() && !initFailed;
  }

  /** One invocation; an init failure is its result, as Lambda returns it for the invocation that needed the init. */
  Result invoke(byte[] event, String functionArn) {
    String requestId = UUID.randomUUID().toString();
    api.offer(new RuntimeApi.Request(requestId, event, System.currentTimeMillis() + WAIT.toMillis(), functionArn));
    long until = System.nanoTime() + WAIT.toNanos();
    while (true) {
      RuntimeApi.Post post = api.next(Duration.ofNanos(until - System.nanoTime()));
      if (post == null) {
        throw new IllegalStateException("the runtime interface client did not answer within " + WAIT);
      }
      switch (post.kind()) {
        case RESPONSE, ERROR -> {
          return new Result(post.text(), post.errorType());
        }
        case INIT_ERROR -> {
          initFailed = true;
          return new Result(post.text(), post.errorType());
        }
        case EXITED -> throw new IllegalStateException("the runtime interface client exited with status "
            + process.exitValue() + " before answering (its log: " + LOG + ")");
        default -> { } // its poll for the next event
      }
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    api.close();
  }

  private static String jars(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return String.join(File.pathSeparator, files.filter(f -> f.toString().endsWith(".jar")).sorted()
          .map(p -> p.toAbsolutePath().toString()).toList());
    } catch (IOException e) {
      return "";
    }
  }
}
