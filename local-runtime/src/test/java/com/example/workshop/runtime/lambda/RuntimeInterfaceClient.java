package com.example.workshop.runtime.lambda;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
  /** The runtimes' logs, for when a row fails. */
  static final Path LOG = Path.of("target", "runtime-interface-client.log");
  /**
   * The client's native part, unpacked once into this module's target/. Left to itself, every client
   * JVM copies it over the one file /tmp/.libaws-lambda-jni.so and loads it from there; on a machine that
   * runs several of them at once (two builds, or a build beside CI) one JVM loads the file while another
   * rewrites it ("file too short"), and the client exits with status 255 before its first poll. On Lambda
   * each execution environment has a /tmp of its own, so the race is ours, not AWS's.
   */
  private static final Path NATIVE = Path.of("target", "runtime-interface-client-jni", "libaws-lambda-jni.so")
      .toAbsolutePath();
  private static final String NATIVE_IN_JAR = "/jni/libaws-lambda-jni.linux-x86_64.so";
  private static final String NATIVE_PROPERTY =
      "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";
  private static boolean unpacked;

  /** What the runtime posted for one invocation: the body and its Lambda-Runtime-Function-Error-Type. */
  record Result(String payload, String functionError) {}

  private final RuntimeApi api = new RuntimeApi();
  private final Process process;
  private final Duration timeout;
  private final long logStart;
  private boolean initFailed;

  /**
   * @param runtime the folder of the runtime's jars
   * @param taskRoot the function's code: classes at the root, jars in lib/
   * @param timeout the function's timeout: its deadline, and how long an invocation is waited for
   */
  RuntimeInterfaceClient(Path runtime, Path taskRoot, String handler, FunctionConfig config, Duration timeout) {
    this.timeout = timeout;
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
        "-D" + NATIVE_PROPERTY + "=" + nativeLibrary(runtime),
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
    logStart = size(LOG);
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
    api.offer(new RuntimeApi.Request(requestId, event, System.currentTimeMillis() + timeout.toMillis(), functionArn));
    long until = System.nanoTime() + timeout.toNanos();
    while (true) {
      RuntimeApi.Post post = api.next(Duration.ofNanos(until - System.nanoTime()));
      if (post == null) {
        throw new IllegalStateException("the runtime interface client did not answer within " + timeout);
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
            + process.exitValue() + " before answering: the oracle failed, so this row compared nothing. Its output"
            + " (all of it in " + LOG + "):\n" + output());
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

  /** What this client wrote to the log, for the message of a row it left unanswered. */
  private String output() {
    try {
      byte[] all = Files.readAllBytes(LOG);
      int from = (int) Math.min(logStart, all.length);
      return new String(all, from, all.length - from, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private static long size(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /** The native library out of the client's jar, written whole before any JVM can load it. */
  private static synchronized Path nativeLibrary(Path runtime) {
    if (unpacked) {
      return NATIVE;
    }
    String prefix = "aws-lambda-java-runtime-interface-client-";
    try (Stream<Path> files = Files.list(runtime)) {
      Path jar = files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst()
          .orElseThrow(() -> new IllegalStateException("no " + prefix + "*.jar in " + runtime));
      Files.createDirectories(NATIVE.getParent());
      Path part = Files.createTempFile(NATIVE.getParent(), "libaws-lambda-jni", ".part");
      try (FileSystem zip = FileSystems.newFileSystem(jar);
          InputStream in = Files.newInputStream(zip.getPath(NATIVE_IN_JAR))) {
        Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
      }
      // a JVM still running the previous copy keeps its file; a new one only ever sees a whole library
      Files.move(part, NATIVE, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      unpacked = true;
      return NATIVE;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the client's native library: " + e.getMessage(), e);
    }
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
