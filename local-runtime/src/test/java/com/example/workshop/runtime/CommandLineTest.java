package com.example.workshop.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What every command shares: help, suggestions, the definition and classpath options, input limits. */
class CommandLineTest {
  private static final String PASS = "{\"StartAt\": \"Accept\", \"States\": {\"Accept\": {\"Type\": \"Pass\", \"End\": true}}}";
  private static final String GREETER = """
      package demo;
      public class Greeter {
        public String handleRequest(java.util.Map<String, Object> event) { return "hi " + event.get("name"); }
      }
      """;

  @TempDir Path dir;

  private record Result(int exit, String out, String err) {}

  private Result run(byte[] stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(args, new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Result run(String... args) {
    return run(new byte[0], args);
  }

  /** Exit 2 and exactly one error line on stderr, containing {@code expected}. */
  private static void assertUsageError(Result r, String expected) {
    assertEquals(2, r.exit(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("error: ") && r.err().contains(expected), r.err());
    assertFalse(r.err().contains("\tat ") || r.err().contains("java.") || r.err().contains("picocli."), r.err());
  }

  private Path file(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.createDirectories(p.toAbsolutePath().getParent());
    Files.writeString(p, text);
    return p;
  }

  @ParameterizedTest
  @ValueSource(strings = {"invoke", "scale", "validate", "run", "diagram", "aws-run", "test-state"})
  @DisplayName("every command has a generated --help on stdout, exit 0")
  void help(String command) {
    Result r = run(command, "--help");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("Usage: java -jar local-runtime.jar " + command), r.out());
    assertEquals("", r.err());
  }

  @Test
  @DisplayName("without a command: the overview on stderr, exit 2; with --help on stdout, exit 0")
  void overview() {
    Result none = run();
    assertEquals(2, none.exit());
    assertTrue(none.err().contains("invoke") && none.err().contains("validate"), none.err());
    Result help = run("--help");
    assertEquals(0, help.exit());
    assertTrue(help.out().contains("Commands:"), help.out());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "invok x.json                          | unknown command 'invok'; did you mean invoke?",
    "valdate x.json                        | unknown command 'valdate'; did you mean validate?",
    "invoke --evnt e.json --handler a.B    | unknown option '--evnt'; did you mean --event?",
    "run --defintion x.json                | unknown option '--defintion'; did you mean --definition?",
    "run --definition=x.json --inptu=-     | unknown option '--inptu'; did you mean --input?",
    "diagram --markdwn x.json              | unknown option '--markdwn'; did you mean --markdown?",
    "invoke --zzz 1                        | unknown option '--zzz' (see invoke --help)",
  })
  @DisplayName("a mistyped command or option gets the closest one")
  void didYouMean(String args, String expected) {
    assertUsageError(run(args.split(" ")), expected);
  }

  @Test
  @DisplayName("validate, diagram and run take --definition FILE, or FILE alone")
  void definitionEverywhere() throws Exception {
    Path def = file("accept.asl.json", PASS);
    assertEquals(run("validate", def.toString()).out(), run("validate", "--definition", def.toString()).out());
    assertEquals(run("diagram", def.toString()).out(), run("diagram", "--definition", def.toString()).out());
    Result positional = run("run", def.toString(), "--json");
    assertEquals(0, positional.exit(), positional.err());
    assertEquals(positional.out(), run("run", "--definition", def.toString(), "--json").out());
    assertUsageError(run("validate", "--definition", def.toString(), def.toString()), "give the definition once");
  }

  @Test
  @DisplayName("a transition to a mistyped state name suggests the state of the same scope")
  void stateNameSuggestion() throws Exception {
    Path def = file("typo.asl.json", """
        {"StartAt": "Charge", "States": {
          "Charge": {"Type": "Pass", "Next": "Shp"},
          "Ship": {"Type": "Pass", "End": true}}}""");
    Result validate = run("validate", def.toString());
    assertEquals(2, validate.exit());
    assertTrue(validate.out().contains("Missing 'Next' target: Shp at /States/Charge/Next (did you mean 'Ship'?)"),
        validate.out());
    Result run = run("run", def.toString());
    assertUsageError(run, "Missing 'Next' target: Shp at /States/Charge/Next (did you mean 'Ship'?)");
  }

  @Test
  @DisplayName("--classpath takes dir/* in run as in invoke")
  void classpathWildcardEverywhere() throws Exception {
    Path classes = TestCode.compile(dir, "demo.Greeter", GREETER);
    TestCode.jar(classes, dir.resolve("lib/greeter.jar"));
    String cp = dir.resolve("lib") + File.separator + "*";
    Path event = file("event.json", "{\"name\": \"Ada\"}");
    Result invoke = run("invoke", "--handler", "demo.Greeter::handleRequest", "--event", event.toString(),
        "--classpath", cp);
    assertEquals(0, invoke.exit(), invoke.err());
    assertEquals("\"hi Ada\"", invoke.out().strip());
    Path def = file("greet.asl.json", """
        {"StartAt": "Greet", "States": {"Greet": {"Type": "Task",
          "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Greet", "End": true}}}""");
    Result run = run("run", def.toString(), "--input", event.toString(), "--json", "--classpath", cp,
        "--function", "Greet=demo.Greeter::handleRequest");
    assertEquals(0, run.exit(), run.err());
    assertEquals("{\"status\":\"SUCCEEDED\",\"output\":\"hi Ada\"}", run.out().strip());
  }

  @Test
  @DisplayName("a handler class or method that does not resolve gets the closest one of the classpath")
  void handlerSuggestions() throws Exception {
    Path classes = TestCode.compile(dir, "demo.Greeter", GREETER);
    Path event = file("event.json", "{}");
    Result wrongClass = run("invoke", "--handler", "demo.Greter::handleRequest", "--event", event.toString(),
        "--classpath", classes.toString());
    assertEquals(1, wrongClass.exit(), wrongClass.err());
    assertTrue(wrongClass.err().lines().anyMatch(l -> l.startsWith("hint: Class not found: demo.Greter")
        && l.endsWith("Did you mean demo.Greeter::handleRequest?")), wrongClass.err());
    Result wrongPackage = run("invoke", "--handler", "com.example.Greeter", "--event", event.toString(),
        "--classpath", classes.toString());
    assertTrue(wrongPackage.err().contains("Did you mean demo.Greeter?"), wrongPackage.err());
    Result wrongMethod = run("invoke", "--handler", "demo.Greeter::handleReqest", "--event", event.toString(),
        "--classpath", classes.toString());
    assertEquals(1, wrongMethod.exit(), wrongMethod.err());
    assertTrue(wrongMethod.err().contains("Did you mean demo.Greeter::handleRequest?"), wrongMethod.err());
  }

  @Test
  @DisplayName("run's input: at most 256 KiB (AWS's ValidationException), one JSON value, UTF-8")
  void runInput() throws Exception {
    Path def = file("accept.asl.json", PASS);
    String big = "{\"a\":\"" + "x".repeat(262_144) + "\"}";
    String awsError = "ValidationException: 1 validation error detected: Value at 'input' failed to satisfy"
        + " constraint: Member must have length less than or equal to 262144";
    assertUsageError(run("run", def.toString(), "--input", file("big.json", big).toString(), "--json",
        "--history"), awsError);
    assertUsageError(run(big.getBytes(StandardCharsets.UTF_8), "run", def.toString(), "--input", "-"), awsError);
    assertUsageError(run("{\"a\":1}{\"b\":2}".getBytes(StandardCharsets.UTF_8), "run", def.toString(), "--input",
        "-"), "unexpected content after the JSON value at line 1, column 8");
    assertUsageError(run(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'}, "run", def.toString(),
        "--input", "-"), "standard input is not UTF-8 text: the byte at offset 6");
    assertUsageError(run(("[".repeat(1001) + "]".repeat(1001)).getBytes(StandardCharsets.UTF_8), "run",
        def.toString(), "--input", "-"), "nesting depth");
    String justUnder = "{\"a\":\"" + "x".repeat(262_144 - 10) + "\"}";
    Result ok = run(justUnder.getBytes(StandardCharsets.UTF_8), "run", def.toString(), "--input", "-", "--json",
        "--history");
    assertEquals(0, ok.exit(), ok.err());
    assertTrue(ok.out().startsWith("{\"status\":\"SUCCEEDED\",\"output\":{\"a\":\"xxx"), ok.out().substring(0, 80));
  }

  @Test
  @DisplayName("run's options and files that AWS or the JVM would refuse are usage errors naming them")
  void runOptions() throws Exception {
    Path def = file("accept.asl.json", PASS);
    assertUsageError(run("run", "--definition", dir.toString()), "definition " + dir + " is a folder; give a file");
    assertUsageError(run("run", def.toString(), "--classpath", def.toString(), "--function", "F=demo.A::b"),
        "classpath entry " + def + " is neither a folder nor a jar file");
    assertUsageError(run("run", def.toString(), "--account", "abc"),
        "--account: InvalidArn: Invalid Arn: the account ID 'abc' is not 12 digits");
    assertUsageError(run("run", def.toString(), "--region", ""),
        "--region: InvalidArn: Invalid Arn: '' is not an AWS Region code");
    assertUsageError(run("run", def.toString(), "--execution-name", "orders/o-1"),
        "InvalidName: Invalid Name: 'orders/o-1'");
    assertUsageError(run("run", def.toString(), "--execution-name", "o".repeat(81)),
        "at 'name' failed to satisfy constraint: Member must have length less than or equal to 80");
    assertUsageError(run("{\"n\": \"\\ud800\"}".getBytes(StandardCharsets.UTF_8), "run", def.toString(),
        "--input", "-"), "the string at $['n'] holds half of a UTF-16 surrogate pair");
    Path mocks = file("both.json", """
        {"StateMachines": {"accept": {"TestCases": {"T": {"Accept": "R"}}}},
         "MockedResponses": {"R": {"0": {"Return": {}, "Throw": {"Error": "E"}}}}}""");
    assertUsageError(run("run", def.toString(), "--mock-config", mocks.toString(), "--test-case", "T"),
        mocks + ": MockedResponses.R.0 has both \"Return\" and \"Throw\"");
  }

  @Test
  @DisplayName("a mock file's state machine, test case and state names are checked, with suggestions")
  void mockNames() throws Exception {
    Path def = file("orders.asl.json", """
        {"StartAt": "Charge", "States": {"Charge": {"Type": "Task",
          "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Charge", "End": true}}}""");
    Path mocks = file("mocks.json", """
        {"StateMachines": {"orders": {"TestCases": {"Paid": {"Charge": "Ok"}, "Typo": {"Chrage": "Ok"}}}},
         "MockedResponses": {"Ok": {"0": {"Return": {"charged": 10}}}}}""");
    assertEquals(0, run("run", def.toString(), "--mock-config", mocks.toString(), "--test-case", "Paid").exit());
    assertUsageError(run("run", def.toString(), "--mock-config", mocks.toString(), "--test-case", "Payd"),
        "has no test case 'Payd' for state machine 'orders' (did you mean 'Paid'?)");
    assertUsageError(run("run", def.toString(), "--mock-config", mocks.toString(), "--test-case", "Paid",
        "--state-machine-name", "order"), "has no state machine named 'order' under StateMachines (did you mean 'orders'?)");
    assertUsageError(run("run", def.toString(), "--mock-config", mocks.toString(), "--test-case", "Typo"),
        "mocks state 'Chrage', which the definition does not have (did you mean 'Charge'?)");
  }
}
