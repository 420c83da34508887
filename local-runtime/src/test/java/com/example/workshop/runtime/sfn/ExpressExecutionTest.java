package com.example.workshop.runtime.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** An execution started as EXPRESS: its ARN form, its five-minute limit and its definition rules. */
class ExpressExecutionTest {
  private static StateMachine waiting(int seconds) {
    return StateMachine.parse("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":" + seconds
        + ",\"End\":true}}}", Map.of());
  }

  private static final StartOptions EXPRESS = StartOptions.defaults().withStateMachineName("quote")
      .withExecutionName("q-1").withType(StateMachineType.EXPRESS);

  @Test
  @DisplayName("an Express execution's ARN is ...:express:MACHINE:NAME:ID")
  void expressArn() {
    Execution run = EngineTestSupport.engine().build().start(waiting(1), "{}", EXPRESS);
    assertTrue(run.executionArn().matches("arn:aws:states:us-east-1:123456789012:express:quote:q-1:[0-9a-f-]{36}"),
        run.executionArn());
  }

  @Test
  @DisplayName("an Express execution times out after five minutes; a Standard one does not")
  void fiveMinuteLimit() {
    LocalStepFunctions sfn = EngineTestSupport.engine().build();
    assertEquals(ExecutionStatus.SUCCEEDED, sfn.start(waiting(299), "{}", EXPRESS).status());
    Execution express = sfn.start(waiting(301), "{}", EXPRESS);
    assertEquals(ExecutionStatus.TIMED_OUT, express.status());
    assertEquals("ExecutionTimedOut", express.history().get(express.history().size() - 1).type());
    assertEquals(ExecutionStatus.SUCCEEDED, sfn.start(waiting(301), "{}").status());
  }

  @Test
  @DisplayName("EXPRESS refuses callbacks, .sync and activities, also inside Parallel branches; STANDARD allows them")
  void expressRules() {
    String definition = """
        {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"Ask","States":{
          "Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","End":true,
            "Parameters":{"QueueUrl":"q","MessageBody":{"token.$":"$$.Task.Token"}}}}}]}}}""";
    List<Diagnostic> express = StateMachine.validate(definition, Map.of(), StateMachineType.EXPRESS);
    assertEquals(1, express.size(), express.toString());
    assertEquals("/States/P/Branches/0/States/Ask/Resource", express.get(0).location());
    assertTrue(express.get(0).message().contains("'.waitForTaskToken'"), express.get(0).message());
    assertEquals(List.of(), StateMachine.validate(definition, Map.of(), StateMachineType.STANDARD));
  }
}
