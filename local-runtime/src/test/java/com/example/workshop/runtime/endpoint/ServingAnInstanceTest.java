package com.example.workshop.runtime.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.ExecutionHandle;
import com.example.workshop.runtime.sfn.ExecutionStatus;
import com.example.workshop.runtime.sfn.LocalStepFunctions;
import com.example.workshop.runtime.sfn.StateMachine;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * StepFunctionsEndpoint.serving: a test starts an execution through the Java API and the code
 * under test answers its task token through an SfnClient, on the same LocalStepFunctions.
 */
class ServingAnInstanceTest {
  private static final String APPROVAL = """
      {"StartAt":"WaitForApproval","States":{"WaitForApproval":{"Type":"Task",
        "Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken", "HeartbeatSeconds": 60,
        "Parameters":{"FunctionName":"RequestApproval","Payload":{"token.$":"$$.Task.Token"}},
        "ResultPath":"$.approval","End":true}}}""";

  private LocalStepFunctions local;
  private StepFunctionsEndpoint endpoint;
  private SfnClient sfn;

  @BeforeEach
  void start() {
    local = LocalStepFunctions.builder().function("RequestApproval", event -> "{}").build();
    endpoint = StepFunctionsEndpoint.serving(local).port(0).start();
    sfn = SfnClient.builder().endpointOverride(endpoint.url()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  @AfterEach
  void stop() {
    sfn.close();
    endpoint.close();
  }

  @Test
  @DisplayName("SendTaskSuccess through the endpoint answers a token of an execution the test started")
  void answersAnExecutionStartedThroughTheJavaApi() {
    ExecutionHandle run = local.startExecution(StateMachine.parse(APPROVAL, Map.of()), "{\"orderId\":\"o-1\"}");
    String token = run.awaitTaskToken("WaitForApproval");

    sfn.sendTaskHeartbeat(b -> b.taskToken(token));
    sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\":true}"));
    Execution done = run.await();

    assertEquals(ExecutionStatus.SUCCEEDED, done.status(), done.toString());
    assertEquals("{\"orderId\":\"o-1\",\"approval\":{\"approved\":true}}", done.output());
    assertThrows(TaskTimedOutException.class, () -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")),
        "the engine's refusal comes back as the SDK's exception");
  }

  @Test
  @DisplayName("SendTaskFailure through the endpoint fails the task; a token the instance never issued is TaskDoesNotExist")
  void failuresAndUnknownTokens() {
    ExecutionHandle run = local.startExecution(StateMachine.parse(APPROVAL, Map.of()), "{}");
    String token = run.awaitTaskToken("WaitForApproval");
    sfn.sendTaskFailure(b -> b.taskToken(token).error("OrderRejected").cause("over limit"));
    Execution done = run.await();

    assertEquals(ExecutionStatus.FAILED, done.status());
    assertEquals("OrderRejected", done.error());
    assertEquals("over limit", done.cause());
    assertThrows(TaskDoesNotExistException.class, () -> sfn.sendTaskHeartbeat(
        b -> b.taskToken("local-00000000-0000-4000-8000-000000000000")));
  }
}
