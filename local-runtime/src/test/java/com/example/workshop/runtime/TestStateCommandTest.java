package com.example.workshop.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestStateCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ORDER_FLOW = """
      {"StartAt": "Charge", "States": {
        "Charge": {"Type": "Task", "Resource": "${ChargeFunctionArn}",
          "Retry": [{"ErrorEquals": ["PaymentProviderBusy"], "IntervalSeconds": 3, "MaxAttempts": 2}],
          "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Manual"}],
          "Next": "Ship"},
        "Ship": {"Type": "Pass", "End": true},
        "Manual": {"Type": "Fail", "Error": "ManualApproval", "Cause": "amount too high"}}}""";
  private static final String CHARGE_ARN = "ChargeFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:Charge";

  @TempDir Path dir;

  private record Result(int exit, String out, String err) {
    JsonNode json() throws Exception {
      return JSON.readTree(out);
    }
  }

  private Result testState(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      String[] all = new String[args.length + 1];
      all[0] = "test-state";
      System.arraycopy(args, 0, all, 1, args.length);
      exit = Main.run(all, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e);
    }
    return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private String file(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p.toString();
  }

  @Test
  @DisplayName("a mocked error that Retry would retry: one JSON object, RETRIABLE, with errorDetails")
  void retriableWithErrorDetails() throws Exception {
    Result r = testState("{\"orderId\": \"o-1\", \"amount\": 20}",
        "--definition", file("order.asl.json", ORDER_FLOW), "--substitution", CHARGE_ARN,
        "--state-name", "Charge", "--input", "-", "--inspection-level", "DEBUG",
        "--mock", file("mock.json", "{\"errorOutput\": {\"error\": \"PaymentProviderBusy\", \"cause\": \"busy\"}}"),
        "--state-configuration", file("config.json", "{\"retrierRetryCount\": 1}"));
    assertEquals(0, r.exit(), r.err());
    assertEquals(1, r.out().strip().split("\n").length, r.out());
    JsonNode response = r.json();
    assertEquals("RETRIABLE", response.get("status").asText());
    assertEquals("PaymentProviderBusy", response.get("error").asText());
    // the second retry waits IntervalSeconds * BackoffRate (default 2.0) = 6 s
    assertEquals(JSON.readTree("{\"retryIndex\": 0, \"retryBackoffIntervalSeconds\": 6}"),
        response.get("inspectionData").get("errorDetails"));
  }

  @Test
  @DisplayName("a mock file may hold the result as a JSON value; the output is the response's JSON text")
  void mockResultAsValue() throws Exception {
    Result r = testState("", "--definition", file("order.asl.json", ORDER_FLOW),
        "--substitution", CHARGE_ARN, "--state-name", "Charge",
        "--input", file("input.json", "{\"orderId\": \"o-1\"}"),
        "--mock", file("mock.json", "{\"result\": {\"charged\": 20}}"));
    assertEquals(0, r.exit(), r.err());
    assertEquals("SUCCEEDED", r.json().get("status").asText());
    assertEquals("Ship", r.json().get("nextState").asText());
    assertEquals(JSON.readTree("{\"charged\": 20}"), JSON.readTree(r.json().get("output").asText()));
  }

  @Test
  @DisplayName("without a mock the Task runs the Java handler given with --function")
  void runsTheJavaHandler() throws Exception {
    Result r = testState("", "--definition", file("order.asl.json", ORDER_FLOW),
        "--substitution", CHARGE_ARN, "--state-name", "Charge",
        "--input", file("input.json", "{\"orderId\": \"o-1\", \"amount\": 20}"),
        "--function", "ChargeFunctionArn=com.example.workshop.runtime.sfn.handlers.ChargeCard::handleRequest");
    assertEquals(0, r.exit(), r.err());
    assertEquals("SUCCEEDED", r.json().get("status").asText(), r.out());
    assertEquals(JSON.readTree("{\"orderId\":\"o-1\",\"charged\":20}"),
        JSON.readTree(r.json().get("output").asText()));
  }

  @Test
  @DisplayName("a request TestState refuses: exit 2 and AWS's error on one line, nothing on stdout")
  void refusedRequests() throws Exception {
    String def = file("order.asl.json", ORDER_FLOW);
    Result unknown = testState("", "--definition", def, "--substitution", CHARGE_ARN,
        "--state-name", "Refund");
    assertEquals(2, unknown.exit());
    assertEquals("", unknown.out());
    assertEquals("error: An error occurred (ValidationException) when calling the TestState operation:"
        + " State not found in definition\n", unknown.err());
    Result close = testState("", "--definition", def, "--substitution", CHARGE_ARN, "--state-name", "Shp");
    assertTrue(close.err().endsWith("State not found in definition (did you mean 'Ship'?)\n"), close.err());
    Result machine = testState("", "--definition", def, "--substitution", CHARGE_ARN);
    assertEquals(2, machine.exit());
    assertTrue(machine.err().startsWith("error: An error occurred (InvalidDefinition) when calling the"
        + " TestState operation: Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields"
        + " are required: [Type] at /States/StateName' (this is a whole state machine: choose the state to"
        + " test with --state-name; its states: Charge, Ship, Manual)"), machine.err());
    Result both = testState("", "--definition", def, "--substitution", CHARGE_ARN,
        "--state-name", "Charge", "--mock", file("mock.json",
            "{\"result\": \"{}\", \"errorOutput\": {\"error\": \"E\"}}"));
    assertEquals(2, both.exit());
    assertTrue(both.err().contains("(ValidationException) when calling the TestState operation: A test mock"
        + " should have only one of the following fields: [result, errorOutput]."), both.err());
    Result level = testState("", "--definition", def, "--substitution", CHARGE_ARN,
        "--state-name", "Ship", "--inspection-level", "VERBOSE");
    assertEquals(2, level.exit());
    assertTrue(level.err().contains("Value 'VERBOSE' at 'inspectionLevel' failed to satisfy constraint:"
        + " Member must satisfy enum value set: [INFO, DEBUG, TRACE]"), level.err());
  }

  @Test
  @DisplayName("a misspelt field of a mock or state configuration file is named; stdin is read once")
  void misspeltFileFields() throws Exception {
    String def = file("order.asl.json", ORDER_FLOW);
    Result r = testState("", "--definition", def, "--substitution", CHARGE_ARN,
        "--state-name", "Charge", "--mock", file("mock.json", "{\"reslt\": \"{}\"}"));
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("error: mock file " + dir.resolve("mock.json") + ": unknown field 'reslt'"
        + " (did you mean 'result'?)"), r.err());
    Result twice = testState("{}", "--definition", def, "--substitution", CHARGE_ARN,
        "--state-name", "Charge", "--input", "-", "--mock", "-");
    assertEquals(2, twice.exit());
    assertEquals("error: standard input (-) can be read once, but --input and --mock ask for it; give all"
        + " but one as files\n",
        twice.err());
    Result c = testState("", "--definition", def, "--substitution", CHARGE_ARN,
        "--state-name", "Charge", "--state-configuration", file("config.json", "[1]"));
    assertEquals(2, c.exit());
    assertTrue(c.err().contains("must hold a JSON object"), c.err());
  }
}
