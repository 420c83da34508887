package com.example.workshop.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --template template.yaml}: the definition, its substitutions and its functions from SAM. */
class TemplateOptionTest {
  private static final String HANDLER = """
      package demo;
      import com.amazonaws.services.lambda.runtime.Context;
      import java.util.Map;
      public class Price {
        public Map<String, Object> handleRequest(Map<String, Object> order, Context context) {
          return Map.of("currency", System.getenv("CURRENCY"), "memory", context.getMemoryLimitInMB(),
              "longTimeout", context.getRemainingTimeInMillis() > 10_000);
        }
      }
      """;
  private static final String DEFINITION = """
      {"StartAt": "Price", "States": {
        "Price": {"Type": "Task", "Resource": "${PriceFunctionArn}", "ResultPath": "$.price", "End": true}}}""";
  private static final String TEMPLATE = """
      Transform: AWS::Serverless-2016-10-31
      Globals:
        Function:
          Timeout: 20
          CodeUri: CODE
          Environment:
            Variables:
              CURRENCY: EUR
      Resources:
        PriceFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: demo.Price::handleRequest
            MemorySize: 512
        OrderWorkflow:
          Type: AWS::Serverless::StateMachine
          Properties:
            DefinitionUri: statemachine/order.asl.json
            DefinitionSubstitutions:
              PriceFunctionArn: !GetAtt PriceFunction.Arn
      """;

  @TempDir Path dir;
  private Path classes;

  private record Result(int exit, String out, String err) {}

  private Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static void assertUsageError(Result r, String expected) {
    assertEquals(2, r.exit(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("error: ") && r.err().contains(expected), r.err());
  }

  @BeforeEach
  void app() throws Exception {
    classes = TestCode.compile(dir, "demo.Price", HANDLER);
    Files.createDirectories(dir.resolve("statemachine"));
    Files.writeString(dir.resolve("statemachine/order.asl.json"), DEFINITION);
    Files.writeString(dir.resolve("order.json"), "{\"orderId\": \"o-1\"}");
  }

  private Path template(String codeUri, String text) throws Exception {
    Path t = dir.resolve("template.yaml");
    Files.writeString(t, text.replace("CODE", codeUri));
    return t;
  }

  @Test
  @DisplayName("run --template needs nothing else: handler, CodeUri (a .zip), timeout, memory and environment from SAM")
  void runFromATemplate() throws Exception {
    try (OutputStream os = Files.newOutputStream(dir.resolve("function.zip")); ZipOutputStream zip = new ZipOutputStream(os)) {
      zip.putNextEntry(new ZipEntry("demo/Price.class"));
      zip.write(Files.readAllBytes(classes.resolve("demo/Price.class")));
      zip.closeEntry();
    }
    Path t = template("function.zip", TEMPLATE);
    Result r = run("run", "--template", t.toString(), "--input", dir.resolve("order.json").toString(), "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode result = new ObjectMapper().readTree(r.out());
    assertEquals("SUCCEEDED", result.path("status").asText(), r.out());
    assertEquals(new ObjectMapper().readTree("{\"currency\":\"EUR\",\"memory\":512,\"longTimeout\":true}"),
        result.path("output").path("price"));
  }

  @Test
  @DisplayName("validate and diagram --template read DefinitionUri with its substitutions; a folder CodeUri works for run")
  void validateDiagramAndFolderCode() throws Exception {
    Path t = template(dir.relativize(classes).toString(), TEMPLATE);
    Result v = run("validate", "--template", t.toString());
    assertEquals(0, v.exit(), v.out() + v.err());
    assertEquals(dir.resolve("statemachine/order.asl.json") + ": valid\n", v.out().replace("\r", ""));
    Result d = run("diagram", "--template", t.toString());
    assertEquals(0, d.exit(), d.err());
    assertTrue(d.out().contains("Price"), d.out());
    Result r = run("run", "--template", t.toString(), "--json");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("\"memory\":512"), r.out());
  }

  @Test
  @DisplayName("--parameter NAME=VALUE sets a template parameter as sam deploy --parameter-overrides does; bad ones are one line, exit 2")
  void templateParameters() throws Exception {
    Path t = template(dir.relativize(classes).toString(), TEMPLATE
        .replace("CURRENCY: EUR", "CURRENCY: !If [Korean, KRW, EUR]")
        + "Parameters:\n  Shop:\n    Type: String\n    AllowedValues: [de, kr]\n    Default: de\n"
        + "Conditions:\n  Korean: !Equals [!Ref Shop, kr]\n");
    Result byDefault = run("run", "--template", t.toString(), "--json");
    assertEquals(0, byDefault.exit(), byDefault.err());
    assertTrue(byDefault.out().contains("\"currency\":\"EUR\""), byDefault.out());
    Result korean = run("run", "--template", t.toString(), "--parameter", "Shop=kr", "--json");
    assertEquals(0, korean.exit(), korean.err());
    assertTrue(korean.out().contains("\"currency\":\"KRW\""), korean.out());
    assertUsageError(run("run", "--template", t.toString(), "--parameter", "Shop=jp"),
        "parameter Shop must be one of [de, kr], got 'jp'");
    assertUsageError(run("validate", "--template", t.toString(), "--parameter", "Store=kr"),
        "template.yaml declares no parameter Store; its parameters: Shop");
    assertUsageError(run("validate", dir.resolve("statemachine/order.asl.json").toString(), "--parameter", "Shop=kr"),
        "--parameter sets a template's parameter: use it with --template");
  }

  @Test
  @DisplayName("bad templates are one clear line and exit 2")
  void badTemplates() throws Exception {
    assertUsageError(run("validate", "--template", dir.resolve("nope.yaml").toString()), "template file not found");
    Path t = template("function.zip", TEMPLATE);
    assertUsageError(run("run", "--template", t.toString()), "function PriceFunction's CodeUri function.zip is not"
        + " there yet");
    assertUsageError(run("run", "--template", t.toString(), "--definition", "x.json"), "--template names the definition");
    Path none = template("code", "Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n"
        + "      Handler: a.B\n");
    assertUsageError(run("validate", "--template", none.toString()), "declares no state machine");
    String two = TEMPLATE + """
          ReturnsWorkflow:
            Type: AWS::Serverless::StateMachine
            Properties:
              DefinitionUri: statemachine/order.asl.json
              DefinitionSubstitutions:
                PriceFunctionArn: !GetAtt PriceFunction.Arn
        """;
    Path both = template(dir.relativize(classes).toString(), two);
    assertUsageError(run("validate", "--template", both.toString()),
        "declares 2 state machines (OrderWorkflow, ReturnsWorkflow): choose one with --state-machine ID");
    assertEquals(0, run("validate", "--template", both.toString(), "--state-machine", "ReturnsWorkflow").exit());
    assertUsageError(run("validate", "--template", both.toString(), "--state-machine", "ReturnWorkflow"),
        "(did you mean 'ReturnsWorkflow'?)");
    Path wrongHandler = template(dir.relativize(classes).toString(), TEMPLATE.replace("demo.Price::", "demo.Prices::"));
    Result r = run("run", "--template", wrongHandler.toString());
    assertUsageError(r, "function PriceFunction: Handler demo.Prices::handleRequest: Class not found: demo.Prices");
    assertTrue(r.err().contains("Did you mean demo.Price::handleRequest?"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  @DisplayName("an inline Definition (YAML in the template) runs with its intrinsic functions resolved; problems name template lines")
  void inlineDefinition() throws Exception {
    String inline = TEMPLATE.replace("""
            DefinitionUri: statemachine/order.asl.json
            DefinitionSubstitutions:
              PriceFunctionArn: !GetAtt PriceFunction.Arn
      """, """
            Definition:
              StartAt: Price
              States:
                Price:
                  Type: Task
                  Resource: !GetAtt PriceFunction.Arn
                  ResultPath: $.price
                  Next: Dnoe
                Done:
                  Type: Succeed
      """);
    Path t = template(dir.relativize(classes).toString(), inline);
    Result invalid = run("validate", "--template", t.toString());
    assertEquals(2, invalid.exit(), invalid.err());
    assertTrue(invalid.out().startsWith(t + ":25: MISSING_TRANSITION_TARGET: Missing 'Next' target: Dnoe at"
        + " /States/Price/Next (did you mean 'Done'?)"), invalid.out());
    Path fixed = template(dir.relativize(classes).toString(), inline.replace("Next: Dnoe", "Next: Done"));
    Result r = run("run", "--template", fixed.toString(), "--json");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("\"memory\":512"), r.out());
  }

  /** Runs OrderWorkflow with a Price handler that throws, saved to {@code saved}; returns the template. */
  private Path failedRun(Path saved) throws Exception {
    TestCode.compile(dir, "demo.Price", HANDLER.replace("return Map.of(",
        "if (order.containsKey(\"orderId\")) throw new IllegalStateException(\"price list missing\");\n return Map.of("));
    Path t = template(dir.relativize(classes).toString(), TEMPLATE);
    Result failed = run("run", "--template", t.toString(), "--input", dir.resolve("order.json").toString(), "--json",
        "--save", saved.toString());
    assertEquals(0, failed.exit(), failed.err());
    assertTrue(failed.out().contains("\"error\":\"java.lang.IllegalStateException\""), failed.out());
    return t;
  }

  @Test
  @DisplayName("redrive --template binds the template's functions as built now: a failed Task runs again with the fixed handler")
  void redriveAfterAFix() throws Exception {
    Path saved = dir.resolve("order.execution.json");
    Path t = failedRun(saved);

    TestCode.compile(dir, "demo.Price", HANDLER); // the fix, built where CodeUri points
    Result redriven = run("redrive", "--execution", saved.toString(), "--template", t.toString(), "--json",
        "--save", saved.toString());
    assertEquals(0, redriven.exit(), redriven.err());
    JsonNode result = new ObjectMapper().readTree(redriven.out());
    assertEquals("SUCCEEDED", result.path("status").asText(), redriven.out());
    assertEquals(new ObjectMapper().readTree("{\"currency\":\"EUR\",\"memory\":512,\"longTimeout\":true}"),
        result.path("output").path("price"));
    assertEquals("", redriven.err(), "the template's definition is the saved one: no hint");

    assertUsageError(run("redrive", "--execution", saved.toString(), "--template", t.toString()),
        "ExecutionNotRedrivable: Execution is SUCCEEDED and cannot be redriven");
  }

  @Test
  @DisplayName("redrive keeps the saved definition and ARN: a changed template definition gets a hint, another --region an error")
  void redriveKeepsDefinitionAndArn() throws Exception {
    Path saved = dir.resolve("order.execution.json");
    Path t = failedRun(saved);

    assertUsageError(run("redrive", "--execution", saved.toString(), "--template", t.toString(),
        "--region", "eu-central-1"), "--region eu-central-1: the saved execution's ARN has us-east-1");
    assertUsageError(run("redrive", "--execution", saved.toString(), "--parameter", "Shop=kr"),
        "--parameter sets a template's parameter: use it with --template");

    Files.writeString(dir.resolve("statemachine/order.asl.json"), DEFINITION.replace("$.price", "$.cost"));
    TestCode.compile(dir, "demo.Price", HANDLER);
    Result r = run("redrive", "--execution", saved.toString(), "--template", t.toString(), "--json");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().startsWith("hint: " + t + ": the definition of OrderWorkflow is not the saved execution's"),
        r.err());
    JsonNode output = new ObjectMapper().readTree(r.out()).path("output");
    assertTrue(output.has("price") && !output.has("cost"), "the saved definition ran: " + r.out());
  }
}
