package com.example.workshop.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateAndDiagramCommandTest {
  private static final String SEED = "src/test/resources/definitions/seed-example.json";
  private static final String ORDER = """
      {
        "StartAt": "Charge",
        "States": {
          "Charge": {"Type": "Task", "Resource": "${ChargeFunctionArn}", "End": true}
        }
      }
      """;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("validate prints FILE:LINE: CODE: message at /pointer and exits 2")
  void validateReportsTheSeedsProblems() {
    assertEquals(2, run("validate", SEED));
    assertEquals(String.join("\n",
        SEED + ":14: INVALID_JSON_DESCRIPTION: Duplicate field 'States' (first at line 2); JSON"
            + " keeps only the last one, so remove the other copies at /States",
        SEED + ":25: INVALID_JSON_DESCRIPTION: Duplicate field 'StartAt' (first at line 13); JSON"
            + " keeps only the last one, so remove the other copies at /StartAt",
        SEED + ":26: INVALID_JSON_DESCRIPTION: Duplicate field 'States' (first at line 2); JSON"
            + " keeps only the last one, so remove the other copies at /States",
        SEED + ":37: INVALID_JSON_DESCRIPTION: Duplicate field 'StartAt' (first at line 13); JSON"
            + " keeps only the last one, so remove the other copies at /StartAt",
        SEED + ":32: MISSING_TRANSITION_TARGET: State \"NextState\" is not reachable. at"
            + " /States/NextState") + "\n", out().replace("\r", ""));
    assertEquals("error: " + SEED + " is not a valid state machine definition (5 problems)\n",
        err().replace("\r", ""));
  }

  @Test
  @DisplayName("validate says FILE: valid and exits 0, with substitutions applied")
  void validateAcceptsAValidDefinition(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("order.asl.json");
    Files.writeString(file, ORDER);
    assertEquals(0, run("validate", file.toString(), "--substitution",
        "ChargeFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:charge"));
    assertEquals(file + ": valid\n", out().replace("\r", ""));
    assertEquals("", err());
  }

  @Test
  @DisplayName("an unresolved substitution names the key and line")
  void validateReportsAMissingSubstitution(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("order.asl.json");
    Files.writeString(file, ORDER);
    assertEquals(2, run("validate", file.toString()));
    assertTrue(out().startsWith(file + ":4: UNRESOLVED_SUBSTITUTION: No value for the substitution"
        + " ${ChargeFunctionArn}"), out());
    assertTrue(out().endsWith(" at /States/Charge/Resource\n"), out());
  }

  @Test
  @DisplayName("a JSON syntax error is one line with Jackson's message")
  void validateReportsSyntaxErrorsOnOneLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("broken.json");
    Files.writeString(file, "{\n  \"StartAt\": \"A\"\n  \"States\": {}\n}\n");
    assertEquals(2, run("validate", file.toString()));
    String[] lines = out().split("\n");
    assertEquals(1, lines.length, out());
    assertTrue(lines[0].startsWith(file + ":3: INVALID_JSON_DESCRIPTION: Unexpected character"),
        lines[0]);
  }

  @Test
  @DisplayName("bad arguments and missing files exit 2 with one error line")
  void validateUsageErrors() {
    assertEquals(2, run("validate"));
    assertEquals("error: missing required option --definition FILE or --template FILE (see validate --help)\n",
        err().replace("\r", ""));
    err.reset();
    assertEquals(2, run("validate", "no-such-file.json"));
    assertEquals("error: definition file not found: no-such-file.json\n", err().replace("\r", ""));
    err.reset();
    assertEquals(2, run("validate", SEED, "--substitution", "novalue"));
    assertEquals("error: --substitution takes KEY=VALUE, got 'novalue'\n", err().replace("\r", ""));
  }

  @Test
  @DisplayName("validate --json answers like ValidateStateMachineDefinition, with lines")
  void validateJson(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("order.asl.json");
    Files.writeString(file, "{\n  \"StartAt\": \"Receive\",\n  \"States\": {\"Receive\": {\"Type\": \"Pass\"}}\n}\n");
    assertEquals(2, run("validate", file.toString(), "--json"));
    assertEquals("{\"result\":\"FAIL\",\"diagnostics\":["
        + "{\"severity\":\"ERROR\",\"code\":\"SCHEMA_VALIDATION_FAILED\",\"location\":\"/States/Receive\","
        + "\"message\":\"One of these fields is required: [Next, End]\",\"line\":3},"
        + "{\"severity\":\"ERROR\",\"code\":\"MISSING_END_STATE\","
        + "\"message\":\"Workflow has no terminal state\",\"line\":3}],\"truncated\":false}\n",
        out().replace("\r", ""));
    out.reset();
    Files.writeString(file, "{\"StartAt\": \"Receive\", \"States\": {\"Receive\": {\"Type\": \"Succeed\"}}}");
    assertEquals(0, run("validate", file.toString(), "--json"));
    assertEquals("{\"result\":\"OK\",\"diagnostics\":[],\"truncated\":false}\n",
        out().replace("\r", ""));
  }

  @Test
  @DisplayName("diagram prints the Mermaid flowchart")
  void diagramPrintsMermaid() throws IOException {
    Path file = Path.of("src/test/resources/mermaid/order-workflow.asl.json");
    assertEquals(0, run("diagram", "--definition", file.toString()));
    assertEquals(Files.readString(Path.of("src/test/resources/mermaid/order-workflow.mmd")), out());
  }

  @Test
  @DisplayName("diagram --markdown wraps the chart in a mermaid code fence")
  void diagramMarkdown(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("order.asl.json");
    Files.writeString(file, ORDER);
    assertEquals(0, run("diagram", "--definition", file.toString(), "--markdown",
        "--substitution", "ChargeFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:c"));
    assertTrue(out().startsWith("```mermaid\nflowchart TD\n"), out());
    assertTrue(out().endsWith("\n```\n"), out());
  }

  @Test
  @DisplayName("diagram refuses an invalid definition, listing its problems on stderr")
  void diagramRefusesInvalidDefinitions() {
    assertEquals(2, run("diagram", "--definition", SEED));
    assertEquals("", out());
    assertTrue(err().startsWith("error: " + SEED + " is not a valid state machine definition (5"
        + " problems):\n  " + SEED + ":14: INVALID_JSON_DESCRIPTION"), err());
    assertFalse(err().contains("Exception"), err());
  }

  @Test
  @DisplayName("diagram needs --definition")
  void diagramNeedsADefinition() {
    assertEquals(2, run("diagram"));
    assertEquals("error: missing required option --definition FILE or --template FILE (see diagram --help)\n",
        err().replace("\r", ""));
  }
}
