package com.example.workshop.runtime.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.runtime.sfn.LambdaFunctionError;
import com.example.workshop.runtime.sfn.LocalStepFunctions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** The endpoint driven by the AWS SDK for Java v2, as a learner's code would drive AWS. */
class StepFunctionsEndpointTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/OrdersRole";
  private static final String CHARGE = """
      {"StartAt":"Charge","States":{
        "Charge":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
          "Parameters":{"FunctionName":"Charge","Payload.$":"$"},"OutputPath":"$.Payload","Next":"Ship"},
        "Ship":{"Type":"Wait","Seconds":3600,"End":true}}}""";
  private static final String PASS = """
      {"StartAt":"Accept","States":{"Accept":{"Type":"Pass","Result":{"accepted":true},"End":true}}}""";

  private static StepFunctionsEndpoint endpoint;
  private static SfnClient sfn;

  @BeforeAll
  static void start() {
    // snippet:client
    endpoint = StepFunctionsEndpoint.builder(LocalStepFunctions.builder().function("Charge", event -> {
      if (event.contains("\"declined\"")) {
        throw new LambdaFunctionError("CardDeclined", "card o-9 was declined");
      }
      return "{\"paid\":true}";
    })).port(0).start();
    sfn = SfnClient.builder().endpointOverride(endpoint.url()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        // StartSyncExecution's host prefix ("sync-") would turn localhost into sync-localhost.
        .overrideConfiguration(o -> o.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
        .build();
    // end-snippet
  }

  @AfterAll
  static void stop() {
    sfn.close();
    endpoint.close();
  }

  private static String create(String name, String definition, StateMachineType type) {
    return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE).type(type))
        .stateMachineArn();
  }

  private static DescribeExecutionResponse awaitEnd(String executionArn) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(executionArn));
      if (d.status() != ExecutionStatus.RUNNING) {
        return d;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(executionArn + " still RUNNING after 10 s");
  }

  @Test
  @DisplayName("a machine created, an execution started and its history read, as on AWS")
  void createStartDescribeHistory() throws InterruptedException {
    String machine = create("orders", CHARGE, StateMachineType.STANDARD);
    assertEquals("arn:aws:states:us-east-1:123456789012:stateMachine:orders", machine);
    var described = sfn.describeStateMachine(b -> b.stateMachineArn(machine));
    assertEquals(CHARGE, described.definition());
    assertEquals(ROLE, described.roleArn());

    String execution = sfn.startExecution(b -> b.stateMachineArn(machine).name("o-1")
        .input("{\"orderId\":\"o-1\"}")).executionArn();
    assertEquals("arn:aws:states:us-east-1:123456789012:execution:orders:o-1", execution);
    DescribeExecutionResponse done = awaitEnd(execution);
    assertEquals(ExecutionStatus.SUCCEEDED, done.status());
    assertEquals("{\"paid\":true}", done.output());
    assertEquals(3600, done.stopDate().getEpochSecond() - done.startDate().getEpochSecond(),
        "the Wait's hour passes on the engine's virtual clock");

    List<String> types = sfn.getExecutionHistoryPaginator(b -> b.executionArn(execution).maxResults(4))
        .events().stream().map(HistoryEvent::typeAsString).toList();
    assertEquals(List.of("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted",
        "TaskSucceeded", "TaskStateExited", "WaitStateEntered", "WaitStateExited", "ExecutionSucceeded"), types);
    HistoryEvent started = sfn.getExecutionHistory(b -> b.executionArn(execution)).events().get(0);
    assertEquals(ROLE, started.executionStartedEventDetails().roleArn());
    HistoryEvent last = sfn.getExecutionHistory(b -> b.executionArn(execution).reverseOrder(true)
        .includeExecutionData(false)).events().get(0);
    assertEquals("ExecutionSucceeded", last.typeAsString());
    assertNull(last.executionSucceededEventDetails().output(), "includeExecutionData=false leaves data out");
  }

  @Test
  @DisplayName("a failed execution shows the function's error and cause")
  void failedExecution() throws InterruptedException {
    String machine = create("declines", CHARGE, StateMachineType.STANDARD);
    String execution = sfn.startExecution(b -> b.stateMachineArn(machine)
        .input("{\"card\":\"declined\"}")).executionArn();
    DescribeExecutionResponse done = awaitEnd(execution);
    assertEquals(ExecutionStatus.FAILED, done.status());
    assertEquals("CardDeclined", done.error());
    assertTrue(done.cause().contains("card o-9 was declined"), done.cause());
    assertNull(done.output());
  }

  @Test
  @DisplayName("ListExecutions pages newest first and filters by status")
  void listExecutions() throws InterruptedException {
    String machine = create("listed", PASS, StateMachineType.STANDARD);
    for (String name : List.of("a", "b", "c")) {
      awaitEnd(sfn.startExecution(b -> b.stateMachineArn(machine).name(name)).executionArn());
    }
    List<String> names = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ListExecutionsResponse page = sfn.listExecutions(b -> b.stateMachineArn(machine).maxResults(2).nextToken(next));
      page.executions().forEach(e -> names.add(e.name()));
      token = page.nextToken();
    } while (token != null);
    assertEquals(List.of("c", "b", "a"), names);
    assertEquals(0, sfn.listExecutions(b -> b.stateMachineArn(machine).statusFilter(ExecutionStatus.FAILED))
        .executions().size());
    assertTrue(sfn.listStateMachines(b -> b.maxResults(1000)).stateMachines().stream()
        .anyMatch(m -> m.name().equals("listed")));
  }

  @Test
  @DisplayName("StartSyncExecution answers an Express execution with its result")
  void expressSync() {
    String machine = create("quote", PASS, StateMachineType.EXPRESS);
    StartSyncExecutionResponse r = sfn.startSyncExecution(b -> b.stateMachineArn(machine).name("q-1").input("{}"));
    assertEquals("SUCCEEDED", r.statusAsString());
    assertEquals("{\"accepted\":true}", r.output());
    assertTrue(r.executionArn().startsWith("arn:aws:states:us-east-1:123456789012:express:quote:q-1:"),
        r.executionArn());
    String standard = create("not-express", PASS, StateMachineType.STANDARD);
    assertThrows(StateMachineTypeNotSupportedException.class,
        () -> sfn.startSyncExecution(b -> b.stateMachineArn(standard)));
  }

  @Test
  @DisplayName("an Express machine may not wait for a task token")
  void expressRefusesCallbacks() {
    String callback = """
        {"StartAt":"Ask","States":{"Ask":{"Type":"Task","End":true,
          "Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
          "Parameters":{"QueueUrl":"q","MessageBody":{"token.$":"$$.Task.Token"}}}}}""";
    InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
        () -> create("callback", callback, StateMachineType.EXPRESS));
    assertTrue(e.awsErrorDetails().errorMessage().contains("'.waitForTaskToken'"), e.getMessage());
    create("callback", callback, StateMachineType.STANDARD);
  }

  @Test
  @DisplayName("bad requests get AWS's error type, message and HTTP 400")
  void errors() {
    StateMachineDoesNotExistException missing = assertThrows(StateMachineDoesNotExistException.class,
        () -> sfn.describeStateMachine(b -> b.stateMachineArn("arn:aws:states:us-east-1:123456789012:stateMachine:none")));
    assertEquals(400, missing.statusCode());
    assertEquals("State Machine Does Not Exist: 'arn:aws:states:us-east-1:123456789012:stateMachine:none'",
        missing.awsErrorDetails().errorMessage());
    assertThrows(InvalidArnException.class, () -> sfn.describeExecution(b -> b.executionArn("orders")));
    assertThrows(InvalidDefinitionException.class,
        () -> create("broken", "{\"StartAt\":\"Nowhere\",\"States\":{}}", StateMachineType.STANDARD));
    ValidationException tooMany = assertThrows(ValidationException.class,
        () -> sfn.listStateMachines(b -> b.maxResults(1001)));
    assertTrue(tooMany.awsErrorDetails().errorMessage().contains("at 'maxResults'"), tooMany.getMessage());
    String machine = create("strict", PASS, StateMachineType.STANDARD);
    assertThrows(InvalidExecutionInputException.class,
        () -> sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"orderId\":")));
    assertThrows(StateMachineAlreadyExistsException.class, () -> create("strict", CHARGE, StateMachineType.STANDARD));
    assertEquals(machine, create("strict", PASS, StateMachineType.STANDARD), "the same request again is idempotent");
    sfn.deleteStateMachine(b -> b.stateMachineArn(machine));
    assertThrows(StateMachineDoesNotExistException.class, () -> sfn.describeStateMachine(b -> b.stateMachineArn(machine)));
  }

  @Test
  @DisplayName("TestState runs one state offline; a whole machine without a state name is refused with HTTP 400")
  void testState() {
    var r = sfn.testState(b -> b.definition("{\"Type\":\"Pass\",\"Result\":{\"accepted\":true},\"End\":true}")
        .input("{}"));
    assertEquals("SUCCEEDED", r.statusAsString());
    assertEquals("{\"accepted\":true}", r.output());
    SfnException refused = assertThrows(SfnException.class, () -> sfn.testState(b -> b.definition(PASS)));
    assertEquals(400, refused.statusCode());
    assertNotNull(refused.awsErrorDetails().errorCode());
  }

  @Test
  @DisplayName("ValidateStateMachineDefinition lists the problems instead of failing")
  void validate() {
    ValidateStateMachineDefinitionResponse r = sfn.validateStateMachineDefinition(b -> b
        .definition("{\"StartAt\":\"Nowhere\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}"));
    assertEquals("FAIL", r.resultAsString());
    assertNotNull(r.diagnostics().get(0).code());
    assertEquals("OK", sfn.validateStateMachineDefinition(b -> b.definition(PASS)).resultAsString());
  }
}
