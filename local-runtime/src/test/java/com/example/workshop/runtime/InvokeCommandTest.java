package com.example.workshop.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code invoke} subcommand, driven through Main.run as the jar's users drive it. */
class InvokeCommandTest {
  private static final String F = "com.example.workshop.runtime.lambda.fixtures.Fixtures$";

  @TempDir Path tmp;

  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
        new PrintStream(errBytes, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return outBytes.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  private Path eventFile(String json) throws Exception {
    Path p = tmp.resolve("event.json");
    Files.writeString(p, json);
    return p;
  }

  @Test
  @DisplayName("a handler that returns: response on stdout, REPORT and cost on stderr, exit 0")
  void success() throws Exception {
    int code = run("invoke", "--handler", F + "Greeter", "--event", eventFile("{\"orderId\":\"o-1\"}").toString(),
        "--memory", "512", "--function-name", "greeter");
    assertEquals(0, code, err());
    assertEquals("{\"statusCode\":200,\"orderId\":\"o-1\",\"callsOnThisInstance\":1}", out().strip());
    assertTrue(err().contains("REPORT RequestId: "), err());
    assertTrue(err().contains("Memory Size: 512 MB"), err());
    assertTrue(err().contains("Init Duration: "), err());
    assertTrue(err().contains("COST RequestId: "), err());
    assertFalse(out().contains("REPORT"));
  }

  @Test
  @DisplayName("a handler that throws: the error document on stdout, exit 1")
  void thrown() throws Exception {
    int code = run("invoke", "--handler", F + "Rejecting", "--event", eventFile("{\"orderId\":\"42\"}").toString());
    assertEquals(1, code);
    assertTrue(out().startsWith("{\"errorMessage\":\"order 42 rejected\",\"errorType\":\"" + F
        + "OrderRejectedException\",\"stackTrace\":["), out());
    assertTrue(err().contains("REPORT RequestId: "));
  }

  @Test
  @DisplayName("a handler that times out: exit 1 with Task timed out")
  void timeout() throws Exception {
    int code = run("invoke", "--handler", F + "Sleeper", "--event", eventFile("{\"sleepMs\":10000}").toString(),
        "--timeout", "1");
    assertEquals(1, code);
    assertTrue(out().contains("Task timed out after 1.00 seconds"), out());
    assertTrue(err().contains("Status: timeout"), err());
  }

  @Test
  @DisplayName("the event can come from standard input")
  void eventFromStdin() {
    java.io.InputStream stdin = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream("\"rush\"".getBytes(StandardCharsets.UTF_8)));
      assertEquals(0, run("invoke", "--handler", F + "Methods::shout", "--event", "-"));
    } finally {
      System.setIn(stdin);
    }
    assertEquals("\"RUSH\"", out().strip());
  }

  @Test
  @DisplayName("what a handler prints with System.out lands in the logs, not in the response")
  void systemOutIsLogOutput() throws Exception {
    Path classes = compile("demo.Printer", """
        package demo;
        public class Printer {
          public String handle(String s) { System.out.println("printing " + s); return s; }
        }""");
    int code = run("invoke", "--handler", "demo.Printer::handle", "--event", eventFile("\"o-1\"").toString(),
        "--classpath", classes.toString());
    assertEquals(0, code, err());
    assertEquals("\"o-1\"", out().strip());
    assertTrue(err().contains("printing o-1"), err());
  }

  @Test
  @DisplayName("--classpath loads handler classes from folders and jars")
  void classpathFolderAndJar() throws Exception {
    Path classes = compile("shop.Total", """
        package shop;
        import com.amazonaws.services.lambda.runtime.Context;
        import com.amazonaws.services.lambda.runtime.RequestHandler;
        import java.util.Map;
        public class Total implements RequestHandler<Map<String, Object>, String> {
          public String handleRequest(Map<String, Object> order, Context context) {
            return "total " + order.get("amount") + " for " + context.getFunctionName();
          }
        }""");
    Path event = eventFile("{\"orderId\":\"o-1\",\"amount\":12.5}");
    assertEquals(0, run("invoke", "--handler", "shop.Total", "--event", event.toString(),
        "--classpath", classes.toString(), "--function-name", "totals"), err());
    assertEquals("\"total 12.5 for totals\"", out().strip());

    Path libs = Files.createDirectories(tmp.resolve("lib"));
    jar(classes, libs.resolve("total.jar"));
    outBytes.reset();
    assertEquals(0, run("invoke", "--handler", "shop.Total", "--event", event.toString(),
        "--classpath", libs + File.separator + "*"), err());
    assertEquals("\"total 12.5 for Total\"", out().strip());
  }

  @Test
  @DisplayName("bad arguments and unreadable input: one line on stderr, exit 2, no stack trace")
  void usageErrors() throws Exception {
    String event = eventFile("{}").toString();
    String[][] cases = {
      {"invoke", "--event", event},
      {"invoke", "--handler", F + "Greeter", "--event", tmp.resolve("nope.json").toString()},
      {"invoke", "--handler", F + "Greeter", "--event", event, "--event", event},
      {"invoke", "--handler", F + "Greeter", "--event", eventFile("{not json").toString()},
      {"invoke", "--handler", F + "Greeter", "--event", event, "--memory", "64"},
      {"invoke", "--handler", F + "Greeter", "--event", event, "--timeout", "abc"},
      {"invoke", "--handler", F + "Greeter", "--event", event, "--classpath", tmp.resolve("no-dir").toString()},
      {"invoke", "--handler", F + "Greeter", "--event", event, "--architecture", "sparc"},
      {"invoke", "--handler", F + "Greeter", "--event", event, "--bogus", "1"},
    };
    String[] expected = {
      "missing required option --handler",
      "event file not found",
      "option --event is given more than once",
      "event is not valid JSON",
      "--memory must be between 128 and 10240",
      "--timeout must be a whole number",
      "classpath entry not found",
      "architecture must be x86_64 or arm64",
      "unknown option '--bogus'",
    };
    for (int i = 0; i < cases.length; i++) {
      outBytes.reset();
      errBytes.reset();
      assertEquals(2, run(cases[i]), String.join(" ", cases[i]));
      String e = err();
      assertTrue(e.startsWith("error: ") && e.contains(expected[i]), e);
      assertEquals(1, e.strip().split("\\R").length, "one line: " + e);
      assertEquals("", out());
    }
  }

  @Test
  @DisplayName("a handler Lambda cannot load: AWS's error document on stdout, a hint on stderr, exit 1")
  void missingClass() throws Exception {
    int code = run("invoke", "--handler", "com.example.orders.Missing", "--event", eventFile("{}").toString());
    assertEquals(1, code, err());
    assertEquals("{\"errorMessage\":\"Class not found: com.example.orders.Missing\","
        + "\"errorType\":\"java.lang.ClassNotFoundException\"}", out().strip());
    assertTrue(err().startsWith("hint: Class not found: com.example.orders.Missing"), err());
    assertTrue(err().strip().endsWith("FunctionError: Unhandled (Runtime.BadFunctionCode)"), err());
  }

  @Test
  @DisplayName("System.exit in a handler ends only its environment: Runtime.ExitError, END and REPORT, exit 1")
  void systemExit() throws Exception {
    Path classes = compile("demo.Quitter", """
        package demo;
        public class Quitter {
          public String quit(java.util.Map<String, Object> order) { System.out.println("bye"); System.exit(42); return "never"; }
        }""");
    int code = run("invoke", "--handler", "demo.Quitter::quit", "--event", eventFile("{}").toString(),
        "--classpath", classes.toString());
    assertEquals(1, code, err());
    assertTrue(out().matches("\\{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"RequestId: [0-9a-f-]{36}"
        + " Error: Runtime exited with error: exit status 42\"}\\R"), out());
    assertTrue(err().contains("bye"), err());
    assertTrue(err().contains("Status: error\tError Type: Runtime.ExitError"), err());
    assertTrue(err().contains("END RequestId: "), err());
  }

  @Test
  @DisplayName("--env sets the function's environment variables; Lambda's reserved names are refused")
  void environment() throws Exception {
    Path classes = compile("demo.Env", """
        package demo;
        public class Env {
          public String read(String name) { return System.getenv(name) + " in " + System.getenv("AWS_REGION"); }
        }""");
    int code = run("invoke", "--handler", "demo.Env::read", "--event", eventFile("\"ORDER_BUCKET\"").toString(),
        "--classpath", classes.toString(), "--env", "ORDER_BUCKET=orders-1");
    assertEquals(0, code, err());
    assertEquals("\"orders-1 in us-east-1\"", out().strip());
    outBytes.reset();
    errBytes.reset();
    assertEquals(2, run("invoke", "--handler", "demo.Env::read", "--event", eventFile("{}").toString(),
        "--env", "AWS_REGION=eu-west-1"));
    assertTrue(err().contains("reserved keys") && err().contains("AWS_REGION"), err());
  }

  @Test
  @DisplayName("invoke --help prints the options")
  void help() {
    assertEquals(0, run("invoke", "--help"));
    assertTrue(out().contains("--handler=H"), out());
  }

  private Path compile(String className, String source) throws Exception {
    return TestCode.compile(tmp, className, source);
  }

  private static void jar(Path classes, Path jarFile) throws Exception {
    TestCode.jar(classes, jarFile);
  }
}
