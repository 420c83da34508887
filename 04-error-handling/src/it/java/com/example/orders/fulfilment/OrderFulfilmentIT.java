package com.example.orders.fulfilment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.workshop.runtime.aws.Poll;
import com.example.workshop.runtime.aws.SfnHistory;
import com.example.workshop.runtime.sam.SamApplication;
import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.ExecutionStatus;
import com.example.workshop.runtime.sfn.HistoryEvent;
import com.example.workshop.runtime.sfn.LocalStepFunctions;
import com.example.workshop.runtime.sfn.StateMachine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;

/**
 * The lesson's state machine on LocalStack: template.yaml's functions deployed from
 * target/function.zip (java21), the real ASL file with its DefinitionSubstitutions set to the
 * deployed ARNs and the PaymentConfirmations queue (read by its consumer through an SQS trigger),
 * one execution per sample order. Each must end as the offline engine says for the same input:
 * status, error, output and the states entered, in order. Offline, ConfirmPayment's message is
 * mocked and the confirmation is {"status": "CONFIRMED"}; on LocalStack the real consumer answers,
 * naming the payment too, so only the confirmation's status is compared.
 * Needs Docker; skipped without it. Written to run where Docker is (not on the workshop's build
 * machine, which has no Docker engine).
 */
@Testcontainers(disabledWithoutDocker = true)
class OrderFulfilmentIT {
  @Container
  static final LocalStackContainer LOCALSTACK = LocalStack.container("lambda", "stepfunctions", "sqs", "iam", "sts", "logs");

  static final ObjectMapper JSON = new ObjectMapper();
  static final String STATES_ROLE = "arn:aws:iam::000000000000:role/stepfunctions-role";

  static SfnClient sfn;
  static String stateMachineArn;
  static StateMachine offlineMachine;
  static LocalStepFunctions offline;

  @BeforeAll
  static void deploy() throws Exception {
    SamApplication app = SamApplication.load(Path.of("template.yaml")).withRegion(LOCALSTACK.getRegion())
        .withParameter("ClassroomFaults", "on");   // the workshop's stack: the samples act out their failures
    LambdaClient lambda = LocalStack.client(LOCALSTACK, LambdaClient.builder());
    Map<String, String> deployed = new LinkedHashMap<>();   // logical id -> ARN on LocalStack
    app.handlers().forEach((id, handler) -> deployed.put(id, LocalStack.deployFunction(lambda, id, handler, Map.of())));
    SqsClient sqs = LocalStack.client(LOCALSTACK, SqsClient.builder());
    String queueUrl = sqs.createQueue(r -> r.queueName("PaymentConfirmations")).queueUrl();
    String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    lambda.createEventSourceMapping(r -> r.functionName(deployed.get("PaymentConfirmationsFunction"))
        .eventSourceArn(queueArn).batchSize(10).functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES));
    // each substitution resolves to ...:function:<logical id> offline; on LocalStack, to the deployed ARN
    String definition = Files.readString(Path.of(app.definitionUri()))
        .replace("${PaymentConfirmationsQueueUrl}", queueUrl);
    for (Map.Entry<String, String> sub : app.substitutions().entrySet()) {
      if (sub.getKey().equals("PaymentConfirmationsQueueUrl")) {
        continue;
      }
      String id = sub.getValue().substring(sub.getValue().lastIndexOf(':') + 1);
      definition = definition.replace("${" + sub.getKey() + "}", deployed.get(id));
    }
    sfn = LocalStack.client(LOCALSTACK, SfnClient.builder());
    String text = definition;
    stateMachineArn = sfn.createStateMachine(r -> r.name("order-fulfilment").definition(text).roleArn(STATES_ROLE))
        .stateMachineArn();
    offlineMachine = app.stateMachine();
    offline = app.stepFunctions().mockConfig(OrderFulfilment.mockConfig(Path.of("."))).build();
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("an execution on LocalStack ends as the offline run of the same order")
  // order-lambda-throttled.json is left out: a handler cannot make the Lambda service throttle it;
  // the offline tests act that out with a stand-in for the service.
  @ValueSource(strings = {"order-happy.json", "order-invalid.json", "order-out-of-stock.json", "order-warehouse-flaky.json",
    "order-warehouse-down.json", "order-payment-declined.json", "order-payment-slow.json", "order-address-rejected.json",
    "order-flaky-warehouse-declined-card.json"})
  void sameOutcomeAsOffline(String sample) throws Exception {
    String input = Files.readString(Path.of("events", sample));
    Execution expected = offline.start(offlineMachine, input, OrderFulfilment.PAYMENT_CONFIRMED);

    String executionArn = sfn.startExecution(r -> r.stateMachineArn(stateMachineArn).input(input)).executionArn();
    DescribeExecutionResponse actual = Poll.until(() -> sfn.describeExecution(r -> r.executionArn(executionArn)),
        d -> !d.statusAsString().equals("RUNNING"), LocalStack.WAIT, "execution of " + sample + " to finish");
    List<HistoryEvent> history = SfnHistory.toHistoryEvents(
        sfn.getExecutionHistoryPaginator(r -> r.executionArn(executionArn)).events().stream().toList());

    String why = "offline:\n" + expected.historyTable() + "\nLocalStack events: "
        + history.stream().map(HistoryEvent::type).toList();
    assertEquals(expected.status().name(), actual.statusAsString(), why);
    assertEquals(expected.error(), actual.error(), why);
    assertEquals(entered(expected.history()), entered(history), why);
    if (expected.status() == ExecutionStatus.SUCCEEDED) {
      ObjectNode offlineOutput = (ObjectNode) comparable(JSON.readTree(expected.output()));
      ObjectNode awsOutput = (ObjectNode) comparable(JSON.readTree(actual.output()));
      assertEquals("CONFIRMED", awsOutput.path("confirmation").path("status").asText(), why);
      offlineOutput.remove("confirmation");
      awsOutput.remove("confirmation");
      assertEquals(offlineOutput, awsOutput, why);
    }
  }

  /** Names of the states entered, in order. */
  static List<String> entered(List<HistoryEvent> history) {
    List<String> names = new ArrayList<>();
    for (HistoryEvent e : history) {
      if (e.type().endsWith("StateEntered") && e.details() != null) {
        names.add(e.details().path("name").asText());
      }
    }
    return names;
  }

  /**
   * A Lambda error's Cause carries the runtime's stack trace, which differs between the local
   * runtime and a real one: compare its errorType and errorMessage only.
   */
  static JsonNode comparable(JsonNode node) throws Exception {
    if (node.isObject()) {
      ObjectNode copy = JSON.createObjectNode();
      var fields = node.fields();
      while (fields.hasNext()) {
        var f = fields.next();
        JsonNode value = f.getValue();
        if (f.getKey().equals("Cause") && value.isTextual() && value.asText().startsWith("{")) {
          JsonNode cause = JSON.readTree(value.asText());
          ObjectNode slim = JSON.createObjectNode();
          slim.set("errorType", cause.path("errorType"));
          slim.set("errorMessage", cause.path("errorMessage"));
          copy.set(f.getKey(), slim);
        } else {
          copy.set(f.getKey(), comparable(value));
        }
      }
      return copy;
    }
    if (node.isArray()) {
      var copy = JSON.createArrayNode();
      for (JsonNode n : node) {
        copy.add(comparable(n));
      }
      return copy;
    }
    return node;
  }
}
