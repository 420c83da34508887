package com.example.workshop.runtime.sfn;

import static com.example.workshop.runtime.sfn.EngineTestSupport.engine;
import static com.example.workshop.runtime.sfn.EngineTestSupport.machine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** AWS Step Functions Local MockConfigFile.json test cases, selected per execution. */
class MockConfigTest {
  private static final String FLOW = """
      {'StartAt': 'Charge', 'States': {
        'Charge': {'Type': 'Task', 'Resource': 'arn:aws:states:::lambda:invoke',
          'Parameters': {'FunctionName': 'Charge', 'Payload.$': '$'},
          'Retry': [{'ErrorEquals': ['Lambda.TooManyRequestsException'], 'MaxAttempts': 3}],
          'ResultSelector': {'paid.$': '$.Payload.paid'}, 'ResultPath': '$.charge',
          'Next': 'Notify'},
        'Notify': {'Type': 'Task', 'Resource': 'arn:aws:states:::sqs:sendMessage',
          'Parameters': {'QueueUrl': 'https://sqs/orders', 'MessageBody.$': '$'},
          'ResultPath': '$.notify', 'End': true}}}""";

  private static LocalStepFunctions sfn() throws URISyntaxException {
    Path file = Path.of(MockConfigTest.class.getResource("/engine/mocks/MockConfigFile.json")
        .toURI());
    return engine().mockConfig(file).build();
  }

  private static StartOptions testCase(String name) {
    return StartOptions.defaults().withStateMachineName("OrderFlow").withTestCase(name);
  }

  @Test
  void aReturnMockIsTheServiceResultAndOtherServicesCanBeMockedToo() throws Exception {
    Execution ex = sfn().start(machine(FLOW), "{\"orderId\": \"o-1\"}", testCase("QueueMocked"));
    assertEquals(ExecutionStatus.SUCCEEDED, ex.status(), ex.cause());
    assertEquals("{\"orderId\":\"o-1\",\"charge\":{\"paid\":true},\"notify\":{\"MessageId\":\"m-1\"}}",
        ex.output());
  }

  @Test
  void invocationRangesServeRetriesInOrder() throws Exception {
    Execution ex = sfn().start(machine(FLOW), "{}", testCase("FlakyBank"));
    long bankFailures = ex.history().stream().filter(e -> e.type().equals("TaskFailed")
        && e.details().path("resourceType").asText().equals("lambda")).count();
    assertEquals(2, bankFailures);
    // Notify is not mocked in this test case, and SQS cannot run locally: its Task fails (TaskFailed).
    assertEquals("TaskFailed", ex.history().get(ex.history().size() - 2).type());
    assertEquals("States.Runtime", ex.error());
    assertTrue(ex.cause().contains("arn:aws:states:::sqs:sendMessage"), ex.cause());
  }

  @Test
  void aThrowMockFailsTheTaskWithItsErrorAndCause() throws Exception {
    Execution ex = sfn().start(machine(FLOW), "{}", testCase("Declined"));
    assertEquals("CardDeclined", ex.error());
    assertEquals("insufficient funds", ex.cause());
  }

  @Test
  void anUnknownTestCaseIsReportedByName() throws Exception {
    LocalStepFunctions sfn = sfn();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> sfn.start(machine(FLOW), "{}", testCase("Nope")));
    assertTrue(e.getMessage().contains("no test case 'Nope'"), e.getMessage());
  }

  @Test
  void theStateMachineNameDefaultsToTheDefinitionFileName(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path def = java.nio.file.Files.writeString(dir.resolve("OrderFlow.asl.json"),
        FLOW.replace('\'', '"'));
    Execution ex = sfn().start(StateMachine.load(def), "{}",
        StartOptions.defaults().withTestCase("Declined"));
    assertEquals("CardDeclined", ex.error());
    assertTrue(ex.executionArn().contains(":execution:OrderFlow:"), ex.executionArn());
  }

  @Test
  void aMockedCallbackTaskSeesATaskTokenInTheContextObject(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path mocks = java.nio.file.Files.writeString(dir.resolve("MockConfigFile.json"), """
        {"StateMachines": {"Review": {"TestCases": {"Approved": {"AskReviewer": "Approve"}}}},
         "MockedResponses": {"Approve": {"0": {"Return": {"approved": true}}}}}""");
    StateMachine m = machine("""
        {'StartAt': 'AskReviewer', 'States': {'AskReviewer': {'Type': 'Task',
          'Resource': 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
          'Parameters': {'QueueUrl': 'https://sqs/reviews',
                         'MessageBody': {'orderId.$': '$.orderId', 'token.$': '$$.Task.Token'}},
          'ResultPath': '$.review', 'End': true}}}""");
    Execution ex = engine().mockConfig(mocks).build().start(m, "{\"orderId\": \"o-1\"}",
        StartOptions.defaults().withStateMachineName("Review").withTestCase("Approved"));
    assertEquals("{\"orderId\":\"o-1\",\"review\":{\"approved\":true}}", ex.output());
    String scheduled = ex.history().get(2).details().get("parameters").asText();
    assertTrue(scheduled.contains("\"token\":\"local-"), scheduled);
  }

  static Stream<Arguments> badMockFiles() {
    return GoldenFiles.cases("engine/mocks/bad-mock-files.json");
  }

  @ParameterizedTest
  @MethodSource("badMockFiles")
  void aBadMockFileIsRefusedNamingTheFileAndTheField(JsonNode c, @TempDir Path dir)
      throws IOException {
    Path file = Files.writeString(dir.resolve("mock-config.json"), c.get("text").asText());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LocalStepFunctions.builder().mockConfig(file));
    assertEquals(c.get("message").asText().replace("FILE", file.toString()), e.getMessage());
  }
}
