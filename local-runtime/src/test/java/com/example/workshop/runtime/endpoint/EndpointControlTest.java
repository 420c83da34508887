package com.example.workshop.runtime.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.runtime.sfn.LocalStepFunctions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** Callbacks, stop and redrive over the endpoint, as a client's SfnClient drives them on AWS. */
class EndpointControlTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/OrdersRole";
  /** The approval function receives the task token, as an approval service would. */
  private static final String APPROVAL = """
      {"StartAt":"WaitForApproval","States":{"WaitForApproval":{"Type":"Task",
        "Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
        "Parameters":{"FunctionName":"RequestApproval","Payload":{"orderId.$":"$.orderId","token.$":"$$.Task.Token"}},
        "ResultPath":"$.approval","Next":"Ship"},
      "Ship":{"Type":"Wait","Seconds":60,"End":true}}}""";
  /** The same with a heartbeat the client must keep (HeartbeatSecondsPath: the input says how long). */
  private static final String HEARTBEAT = APPROVAL.replace("\"ResultPath\":\"$.approval\"",
      "\"HeartbeatSecondsPath\":\"$.heartbeat\",\"ResultPath\":\"$.approval\"");
  private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
  private static final BlockingQueue<String> TOKENS = new LinkedBlockingQueue<>();

  private static StepFunctionsEndpoint endpoint;
  private static SfnClient sfn;
  private static String machine;
  private static String heartbeatMachine;

  @BeforeAll
  static void start() {
    endpoint = StepFunctionsEndpoint.builder(LocalStepFunctions.builder().function("RequestApproval", event -> {
      Matcher m = TOKEN.matcher(event);
      if (m.find()) {
        TOKENS.add(m.group(1));
      }
      return "{\"queued\":true}";
    })).port(0).start();
    sfn = SfnClient.builder().endpointOverride(endpoint.url()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create()).build();
    machine = sfn.createStateMachine(b -> b.name("approval").definition(APPROVAL).roleArn(ROLE)).stateMachineArn();
    heartbeatMachine = sfn.createStateMachine(b -> b.name("approval-heartbeat").definition(HEARTBEAT).roleArn(ROLE))
        .stateMachineArn();
  }

  @AfterAll
  static void stop() {
    sfn.close();
    endpoint.close();
  }

  private static String token() throws InterruptedException {
    String token = TOKENS.poll(10, TimeUnit.SECONDS);
    if (token == null) {
      throw new AssertionError("no task token was sent within 10 s");
    }
    return token;
  }

  private static DescribeExecutionResponse awaitStatus(String arn, ExecutionStatus wanted) throws InterruptedException {
    DescribeExecutionResponse d = null;
    for (int i = 0; i < 500; i++) {
      d = sfn.describeExecution(b -> b.executionArn(arn));
      if (d.status() == wanted) {
        return d;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(arn + " is " + d.status() + ", not " + wanted + ", after 10 s: " + types(arn));
  }

  private static List<String> types(String arn) {
    return sfn.getExecutionHistory(b -> b.executionArn(arn)).events().stream().map(HistoryEvent::typeAsString).toList();
  }

  @Test
  @DisplayName("a task token answered with SendTaskSuccess: the execution goes on with the answer as the task's result")
  void sendTaskSuccess() throws InterruptedException {
    String arn = sfn.startExecution(b -> b.stateMachineArn(machine).name("o-1").input("{\"orderId\":\"o-1\"}"))
        .executionArn();
    String token = token();
    assertEquals(ExecutionStatus.RUNNING, sfn.describeExecution(b -> b.executionArn(arn)).status());
    assertTrue(types(arn).contains("TaskSubmitted"), "RUNNING, its history so far: " + types(arn));

    sfn.sendTaskHeartbeat(b -> b.taskToken(token));
    sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\":true}"));
    DescribeExecutionResponse done = awaitStatus(arn, ExecutionStatus.SUCCEEDED);
    assertEquals("{\"orderId\":\"o-1\",\"approval\":{\"approved\":true}}", done.output());
    assertEquals(List.of("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted",
        "TaskSucceeded", "TaskStateExited", "WaitStateEntered", "WaitStateExited", "ExecutionSucceeded"), types(arn));
    assertThrows(TaskTimedOutException.class,
        () -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")), "a token answers once");
  }

  @Test
  @DisplayName("a failed answer, an unknown token and a malformed one get AWS's errors")
  void tokenErrors() throws InterruptedException {
    String arn = sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"orderId\":\"o-2\"}")).executionArn();
    String token = token();
    sfn.sendTaskFailure(b -> b.taskToken(token).error("OrderRejected").cause("over limit"));
    DescribeExecutionResponse failed = awaitStatus(arn, ExecutionStatus.FAILED);
    assertEquals("OrderRejected", failed.error());
    assertEquals("over limit", failed.cause());
    assertThrows(InvalidTokenException.class, () -> sfn.sendTaskHeartbeat(b -> b.taskToken("not a token")));
    assertThrows(TaskDoesNotExistException.class,
        () -> sfn.sendTaskHeartbeat(b -> b.taskToken(token.substring(0, token.length() - 4) + "0000")));
  }

  @Test
  @DisplayName("StopExecution aborts a waiting execution; RedriveExecution continues it from the stopped task")
  void stopAndRedrive() throws InterruptedException {
    String arn = sfn.startExecution(b -> b.stateMachineArn(machine).name("o-3").input("{\"orderId\":\"o-3\"}"))
        .executionArn();
    token();
    sfn.stopExecution(b -> b.executionArn(arn).error("OrderCancelled").cause("the customer cancelled"));
    DescribeExecutionResponse aborted = awaitStatus(arn, ExecutionStatus.ABORTED);
    assertEquals("OrderCancelled", aborted.error());
    assertEquals("REDRIVABLE", aborted.redriveStatusAsString());

    sfn.redriveExecution(b -> b.executionArn(arn));
    String again = token();
    sfn.sendTaskSuccess(b -> b.taskToken(again).output("{\"approved\":true}"));
    DescribeExecutionResponse done = awaitStatus(arn, ExecutionStatus.SUCCEEDED);
    assertEquals(1, done.redriveCount());
    assertTrue(types(arn).contains("ExecutionRedriven"), types(arn).toString());
    assertThrows(ExecutionNotRedrivableException.class, () -> sfn.redriveExecution(b -> b.executionArn(arn)));
    assertThrows(ExecutionDoesNotExistException.class, () -> sfn.stopExecution(b -> b.executionArn(arn + "-none")));
  }

  @Test
  @DisplayName("in virtual time a client has HeartbeatSeconds of real time to answer; the Wait after it still takes none")
  void heartbeatRunsOnTheWallClock() throws InterruptedException {
    String arn = sfn.startExecution(b -> b.stateMachineArn(heartbeatMachine).name("o-4")
        .input("{\"orderId\":\"o-4\",\"heartbeat\":5}")).executionArn();
    String token = token();
    sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\":true}"));
    DescribeExecutionResponse done = awaitStatus(arn, ExecutionStatus.SUCCEEDED);
    assertEquals("{\"orderId\":\"o-4\",\"heartbeat\":5,\"approval\":{\"approved\":true}}", done.output());
    assertTrue(Duration.between(done.startDate(), done.stopDate()).toSeconds() >= 60,
        "the Wait of 60 s counts in execution time: " + done.startDate() + " to " + done.stopDate());
  }

  @Test
  @DisplayName("a token left unanswered times out after HeartbeatSeconds of real time, as AWS records it (States.Timeout)")
  void unansweredHeartbeatTimesOut() throws InterruptedException {
    long sent = System.nanoTime();
    String arn = sfn.startExecution(b -> b.stateMachineArn(heartbeatMachine).name("o-5")
        .input("{\"orderId\":\"o-5\",\"heartbeat\":1}")).executionArn();
    String token = token();
    DescribeExecutionResponse failed = awaitStatus(arn, ExecutionStatus.FAILED);
    long waitedMillis = (System.nanoTime() - sent) / 1_000_000;
    assertTrue(waitedMillis >= 1000, "a client had the heartbeat's real second, not " + waitedMillis + " ms");
    assertEquals("States.Timeout", failed.error());
    List<HistoryEvent> history = sfn.getExecutionHistory(b -> b.executionArn(arn)).events();
    Instant started = at(history, "TaskStarted"); // HeartbeatSeconds counts from the task's start
    Instant timedOut = at(history, "TaskTimedOut");
    assertTrue(Duration.between(started, timedOut).toMillis() >= 1000,
        "the heartbeat's second passed between " + started + " and " + timedOut);
    assertThrows(TaskTimedOutException.class, () -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")));
  }

  private static Instant at(List<HistoryEvent> history, String type) {
    return history.stream().filter(e -> e.typeAsString().equals(type)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " in " + history)).timestamp();
  }
}
