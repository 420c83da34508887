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
import org.junit.jupiter.api.DisplayName;
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
      String[] all = new String[args.length + 1];
      all[0] = "run";
      System.arraycopy(args, 0, all, 1, args.length);
      exit = Main.run(all, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e);
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
    assertEquals("error: " + def + " is not a valid state machine definition (1 problem): line 1:"
        + " MISSING_TRANSITION_TARGET: Missing 'Next' target: Nowhere at /StartAt", r.err().strip());
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
  @DisplayName("a handler Lambda cannot load fails its Task as on AWS, with a hint on stderr")
  void aHandlerThatCannotBeFoundFailsItsTask() throws Exception {
    Path def = file("charge.asl.json", CHARGE_FLOW);
    Result r = run("", "--definition", def.toString(), "--json",
        "--substitution", "ChargeFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:Charge",
        "--function", "Charge=com.example.orders.NoSuchHandler::handleRequest");
    assertEquals(0, r.exit(), r.err());
    assertEquals("{\"status\":\"FAILED\",\"error\":\"java.lang.ClassNotFoundException\",\"cause\":"
        + "\"{\\\"errorMessage\\\": \\\"Class not found: com.example.orders.NoSuchHandler\\\", "
        + "\\\"errorType\\\": \\\"java.lang.ClassNotFoundException\\\"}\"}", r.out().strip());
    assertTrue(r.err().startsWith("hint: function Charge: Class not found: com.example.orders.NoSuchHandler"),
        r.err());
  }

  @Test
  @DisplayName("--function is given once per name, and its settings are checked")
  void functionOptions() throws Exception {
    Path def = file("charge.asl.json", CHARGE_FLOW);
    String[][] cases = {
      {"--function", "Charge=a.B::c", "--function", "Charge=a.B::d"},
      {"--function", "Charge=a.B::c,timeout=0"},
      {"--function", "Charge=a.B::c,memory=64"},
      {"--function", "Charge=a.B::c,speed=2"},
      {"--function", "Charge=a.B::c,timeout=x"},
    };
    String[] expected = {"is given twice", "timeout must be 1 to 900 seconds", "memory must be 128 to 10240 MB",
        "unknown setting 'speed'", "timeout must be a whole number"};
    for (int i = 0; i < cases.length; i++) {
      String[] args = new String[cases[i].length + 4];
      args[0] = "--definition";
      args[1] = def.toString();
      args[2] = "--substitution";
      args[3] = "ChargeFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:Charge";
      System.arraycopy(cases[i], 0, args, 4, cases[i].length);
      Result r = run("", args);
      assertEquals(2, r.exit(), String.join(" ", args));
      assertTrue(r.err().startsWith("error: ") && r.err().contains(expected[i]), r.err());
    }
  }
}
