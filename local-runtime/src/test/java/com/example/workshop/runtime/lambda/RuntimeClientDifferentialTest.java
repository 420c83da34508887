package com.example.workshop.runtime.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * {@code invoke} against AWS's own Java runtime: each row of lambda/runtime-client-differential.psv runs
 * one event through local-runtime (in a JVM of its own, as {@code invoke} runs it, and in this JVM) and
 * through aws-lambda-java-runtime-interface-client behind a Runtime API of ours; the response or error
 * document and the function error type must be the same bytes. A row that names a known difference
 * must still differ, so the list in docs/local-runtime.md stays true. Rows of the same handler share a
 * warm environment on both sides, as consecutive invocations on Lambda do.
 *
 * <p>The functions are compiled from src/test/functions into a task root of their own, so that no
 * class loader of this test sees them: both runtimes load them from the function's code only.
 */
@EnabledOnOs(value = OS.LINUX, architectures = "amd64") // the client's native part is built for Linux
class RuntimeClientDifferentialTest {
  private static final Path RUNTIME = Path.of("target", "runtime-interface-client");
  private static final Path TASK_ROOT = Path.of("target", "differential-task").toAbsolutePath();
  private static final String PACKAGE = "com.example.orders.functions.";
  private static final PrintStream DISCARD = new PrintStream(PrintStream.nullOutputStream());
  /**
   * No row is about timeouts, so every side gets the same generous one: on a loaded machine a cold JVM can
   * take longer than Lambda's default 3 s, and "Task timed out" there would be load, not a difference.
   */
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final List<Path> CODE = new ArrayList<>();

  private static Session session;
  private static int identical;
  private static int known;

  @BeforeAll
  static void compileTheFunctions() throws IOException {
    assertTrue(RuntimeInterfaceClient.available(RUNTIME),
        RUNTIME + " is empty: run the tests through Maven, which copies the runtime interface client there");
    deleteTree(TASK_ROOT);
    Files.deleteIfExists(RuntimeInterfaceClient.LOG);
    Path lib = Files.createDirectories(TASK_ROOT.resolve("lib"));
    CODE.clear();
    CODE.add(TASK_ROOT);
    List<String> classpath = new ArrayList<>();
    for (Class<?> anchor : List.of(Context.class, S3Event.class, org.joda.time.DateTime.class)) {
      Path jar = location(anchor);
      classpath.add(jar.toString());
      if (anchor != Context.class) { // the runtime provides aws-lambda-java-core; the function ships the rest
        Path copy = lib.resolve(jar.getFileName());
        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        CODE.add(copy);
      }
    }
    List<String> args = new ArrayList<>(List.of("-d", TASK_ROOT.toString(), "-cp",
        String.join(java.io.File.pathSeparator, classpath), "-encoding", "UTF-8", "-g", "-nowarn", "--release", "17"));
    try (Stream<Path> sources = Files.walk(Path.of("src", "test", "functions"))) {
      sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertEquals(0, javac.run(null, DISCARD, System.err, args.toArray(String[]::new)), "src/test/functions compiles");
    // The superclass of Unloadable$Orphan is missing from the function's code, as if a jar were left out.
    Files.delete(TASK_ROOT.resolve("com/example/orders/functions/Unloadable$MissingBase.class"));
  }

  @AfterAll
  static void report() {
    if (session != null) {
      session.close();
      session = null;
    }
    System.out.println("runtime interface client " + identical + " identical, " + known + " known differences");
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvFileSource(resources = "/lambda/runtime-client-differential.psv", delimiter = '|', quoteCharacter = '\u0000',
      commentCharacter = '#', maxCharsPerColumn = 1 << 20)
  void invokeAnswersWithTheRuntimeInterfaceClientsBytes(String handler, String event, String difference) {
    String h = handler.startsWith("~") ? PACKAGE + handler.substring(1) : handler;
    byte[] bytes = event(event);
    if (session == null || !session.handler.equals(h)) {
      if (session != null) {
        session.close();
      }
      session = new Session(h);
    }
    String json = new String(bytes, StandardCharsets.UTF_8);
    Session s = session;
    // local-runtime's JVM and the client's start side by side
    CompletableFuture<String> process = CompletableFuture.supplyAsync(() -> outcome(s.process.invoke(json)));
    String aws = s.oracle(bytes);
    String thread = outcome(s.thread.invoke(json));
    if (difference == null || difference.isBlank()) {
      assertEquals(aws, process.join(), "invoke (own JVM) differs from the runtime interface client");
      assertEquals(aws, thread, "Isolation.THREAD differs from the runtime interface client");
      identical++;
    } else {
      assertNotEquals(aws, process.join(), "listed as a known difference (" + difference + ") but now the same:"
          + " remove it from the table and from docs/local-runtime.md");
      known++;
    }
  }

  private static String outcome(Invocation invocation) {
    return invocation.functionError() + "\n" + invocation.payload();
  }

  /** Inline JSON, or {@code @path} to a file relative to this module. */
  private static byte[] event(String cell) {
    String text = cell.strip();
    try {
      return text.startsWith("@") ? Files.readAllBytes(Path.of(text.substring(1)))
          : text.getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One function on both runtimes, warm across the rows that name it. */
  private static final class Session implements AutoCloseable {
    final String handler;
    final LocalLambda process;
    final LocalLambda thread;
    final FunctionConfig config;
    RuntimeInterfaceClient client;

    Session(String handler) {
      this.handler = handler;
      this.process = builder(handler).isolation(Isolation.PROCESS).build();
      this.thread = builder(handler).isolation(Isolation.THREAD).build();
      this.config = new FunctionConfig(handler, "orders-function", 256, "us-east-1", "123456789012",
          ClassLoader.getSystemClassLoader(), CODE, Map.of(), DISCARD, Clock.systemUTC());
      this.client = new RuntimeInterfaceClient(RUNTIME, TASK_ROOT, handler, config, TIMEOUT);
    }

    private static LocalLambda.Builder builder(String handler) {
      return LocalLambda.builder(handler).functionName("orders-function").memoryMb(256).timeout(TIMEOUT)
          .classpath(CODE).logSink(DISCARD);
    }

    /** AWS's answer; after an init failure or exit the next invocation gets a new environment, as on Lambda. */
    String oracle(byte[] event) {
      if (!client.alive()) {
        client.close();
        client = new RuntimeInterfaceClient(RUNTIME, TASK_ROOT, handler, config, TIMEOUT);
      }
      RuntimeInterfaceClient.Result r = client.invoke(event, config.functionArn());
      return r.functionError() + "\n" + r.payload();
    }

    @Override
    public void close() {
      process.close();
      thread.close();
      client.close();
    }
  }

  private static Path location(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
