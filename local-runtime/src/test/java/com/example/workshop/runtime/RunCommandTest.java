package com.example.workshop.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHARGE_FLOW = """
      {"StartAt": "Charge", "States": {
        "Charge": {"Type": "Task", "Resource": "${ChargeFunctionArn}",
          "Catch": [{"ErrorEquals": ["java.lang.IllegalStateException"], "Next": "Manual"}],
          "End": true},
        "Manual": {"Type": "Fail", "Error": "ManualApproval", "Cause": "amount too high"}}}""";

  @TempDir Path dir;

  private record Result(int exit, String out, String err) {}

  private Result run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      try {
        exit = RunCommand.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            o, e);
      } catch (UsageException ex) {
        e.println("error: " + ex.getMessage());
        exit = 2;
      }
    }
    return new Result(exit, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  private Path file(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void jsonModePrintsExactlyOneObjectWithStatusAndOutput() throws Exception {
    Path def = file("charge.asl.json", CHARGE_FLOW);
    Result r = run("{\"orderId\": \"o-1\", \"amount\": 20}", "--definition", def.toString(),
        "--input", "-", "--json",
        "--substitution", "ChargeFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:Charge",
        "--function", "ChargeFunctionArn="
            + "com.example.workshop.runtime.sfn.handlers.ChargeCard::handleRequest");
    assertEquals(0, r.exit(), r.err());
    String[] lines = r.out().strip().split("\n");
    assertEquals(1, lines.length, r.out());
    JsonNode result = JSON.readTree(lines[0]);
    assertEquals("SUCCEEDED", result.get("status").asText());
    assertEquals(JSON.readTree("{\"orderId\":\"o-1\",\"charged\":20}"), result.get("output"));
    assertFalse(result.has("history"));
  }

  @Test
  void aFailedExecutionStillExitsZeroAndReportsErrorAndCauseWithHistory() throws Exception {
    Path def = file("charge.asl.json", CHARGE_FLOW);
    Path input = file("input.json", "{\"orderId\": \"o-2\", \"amount\": 5000}");
    Result r = run("", "--definition", def.toString(), "--input", input.toString(), "--json",
        "--history",
        "--substitution", "ChargeFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:Charge",
        "--function", "Charge=com.example.workshop.runtime.sfn.handlers.ChargeCard");
    assertEquals(0, r.exit(), r.err());
    JsonNode result = JSON.readTree(r.out());
    assertEquals("FAILED", result.get("status").asText());
    assertEquals("ManualApproval", result.get("error").asText());
    assertEquals("amount too high", result.get("cause").asText());
    assertEquals("ExecutionStarted", result.get("history").get(0).get("type").asText());
  }

  @Test
  void withoutJsonItPrintsTheHistoryTableAndTheResult() throws Exception {
    Path def = file("pass.asl.json",
        "{\"StartAt\": \"Accept\", \"States\": {\"Accept\": {\"Type\": \"Pass\", \"End\": true}}}");
    Result r = run("", "--definition", def.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("PassStateEntered"), r.out());
    assertTrue(r.out().contains("status: SUCCEEDED"), r.out());
    assertTrue(r.out().contains("output: {}"), r.out());
  }

  @Test
  void anInvalidDefinitionIsOneErrorLineAndExitTwo() throws Exception {
    Path def = file("bad.asl.json", "{\"StartAt\": \"Nowhere\", \"States\": {}}");
    Result r = run("", "--definition", def.toString(), "--json");
    assertEquals(2, r.exit());
    assertEquals("", r.out());
    assertEquals(1, r.err().strip().split("\n").length, r.err());
    assertTrue(r.err().startsWith("error: invalid definition"), r.err());
  }

  @Test
  void inputThatIsNotJsonIsAUsageError() throws Exception {
    Path def = file("pass.asl.json",
        "{\"StartAt\": \"Accept\", \"States\": {\"Accept\": {\"Type\": \"Pass\", \"End\": true}}}");
    Result r = run("not json", "--definition", def.toString(), "--input", "-");
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("error: Invalid execution input"), r.err());
  }

  @Test
  void mockConfigTestCasesDriveTasks() throws Exception {
    Path def = file("charge.asl.json", CHARGE_FLOW.replace("${ChargeFunctionArn}",
        "arn:aws:lambda:us-east-1:123456789012:function:Charge"));
    Path mocks = file("MockConfigFile.json", """
        {"StateMachines": {"Orders": {"TestCases": {"Paid": {"Charge": "Ok"}}}},
         "MockedResponses": {"Ok": {"0": {"Return": {"charged": 10}}}}}""");
    Result r = run("", "--definition", def.toString(), "--json", "--mock-config",
        mocks.toString(), "--test-case", "Paid", "--state-machine-name", "Orders");
    assertEquals(0, r.exit(), r.err());
    assertEquals("{\"status\":\"SUCCEEDED\",\"output\":{\"charged\":10}}", r.out().strip());
  }

  @Test
  void aHandlerThatCannotBeFoundIsAUsageError() throws Exception {
    Path def = file("charge.asl.json", CHARGE_FLOW);
    Result r = run("", "--definition", def.toString(),
        "--substitution", "ChargeFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:Charge",
        "--function", "Charge=com.example.orders.NoSuchHandler::handleRequest");
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("error: ") && r.err().contains("NoSuchHandler"), r.err());
    assertEquals(1, r.err().strip().split("\n").length, r.err());
  }
}
