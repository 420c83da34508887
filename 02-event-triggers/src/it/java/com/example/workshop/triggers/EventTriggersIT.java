package com.example.workshop.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.example.workshop.runtime.aws.Poll;
import com.example.workshop.runtime.lambda.LocalContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The four triggers of template.yaml on LocalStack, each with the outcome the offline tests assert:
 * URL-decoded S3 keys, SQS partial batch failures ending in the DLQ, SNS attributes and filter,
 * DynamoDB stream records, every applied delivery recorded once in the DynamoDB idempotency table.
 * Needs Docker; skipped without it. Written to run where Docker is (not on the workshop's build
 * machine, which has no Docker engine).
 */
@Testcontainers(disabledWithoutDocker = true)
class EventTriggersIT {
  @Container
  static final LocalStackContainer LOCALSTACK =
      LocalStack.container("lambda", "s3", "sqs", "sns", "dynamodb", "dynamodbstreams", "iam", "sts", "logs");

  static final String IDEMPOTENCY_TABLE = "idempotency";
  static final String BUCKET = "orders-uploads-it";
  static final String LAMBDA_SIDE_ENDPOINT = "http://localhost.localstack.cloud:4566";

  static LambdaClient lambda;
  static DynamoDbClient dynamo;
  static Map<String, String> env;

  @BeforeAll
  static void setUp() {
    lambda = LocalStack.client(LOCALSTACK, LambdaClient.builder());
    dynamo = LocalStack.client(LOCALSTACK, DynamoDbClient.builder());
    dynamo.createTable(r -> r.tableName(IDEMPOTENCY_TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
    dynamo.waiter().waitUntilTableExists(r -> r.tableName(IDEMPOTENCY_TABLE));
    // As template.yaml's Globals: the handlers record what they applied in this table. Inside the
    // Lambda containers LocalStack answers at localhost.localstack.cloud; the AWS SDK for Java v2
    // in the handler reads AWS_ENDPOINT_URL, so the handler code stays as it is on AWS.
    env = Map.of("IDEMPOTENCY_TABLE", IDEMPOTENCY_TABLE, "AWS_ENDPOINT_URL", LAMBDA_SIDE_ENDPOINT);
  }

  /** The idempotency record of {@code key} once it is COMPLETED. */
  static Map<String, AttributeValue> completed(String key) {
    return Poll.until(
        () -> dynamo.getItem(r -> r.tableName(IDEMPOTENCY_TABLE).key(Map.of("pk", AttributeValue.fromS(key)))).item(),
        item -> item != null && item.containsKey("status") && item.get("status").s().equals("COMPLETED"),
        LocalStack.WAIT, "delivery " + key + " to be applied");
  }

  @Test
  @DisplayName("SQS: the poison message goes to the DLQ, the good ones are applied once (partial batch response)")
  void sqsPartialBatch() throws Exception {
    // The offline outcome for the same bodies: which messages the handler reports as failed.
    SQSEvent fixture = EventLoader.loadSQSEvent("events/sqs-poison-batch.json");
    SQSBatchResponse offline = new OrderQueueHandler(new InMemoryIdempotencyStore(), order -> {})
        .handleRequest(fixture, LocalContext.create());
    Set<String> failedIds = new HashSet<>();
    offline.getBatchItemFailures().forEach(f -> failedIds.add(f.getItemIdentifier()));
    assertFalse(failedIds.isEmpty(), "the fixture holds a poison message");

    SqsClient sqs = LocalStack.client(LOCALSTACK, SqsClient.builder());
    String dlqUrl = sqs.createQueue(r -> r.queueName("orders-dlq")).queueUrl();
    String dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    String queueUrl = sqs.createQueue(r -> r.queueName("orders").attributes(Map.of(
        QueueAttributeName.VISIBILITY_TIMEOUT, "30",
        QueueAttributeName.REDRIVE_POLICY,
        "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"2\"}"))).queueUrl();
    String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);

    LocalStack.deployFunction(lambda, "order-queue", "com.example.workshop.triggers.OrderQueueHandler::handleRequest", env);
    String uuid = lambda.createEventSourceMapping(r -> r.functionName("order-queue").eventSourceArn(queueArn)
        .batchSize(10).functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES)).uuid();
    Poll.until(() -> lambda.getEventSourceMapping(r -> r.uuid(uuid)).state(), "Enabled"::equals,
        LocalStack.WAIT, "the SQS event source mapping to be Enabled");

    List<String> goodIds = new ArrayList<>();
    List<String> poisonBodies = new ArrayList<>();
    for (SQSEvent.SQSMessage m : fixture.getRecords()) {
      String id = sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(m.getBody())).messageId();
      if (failedIds.contains(m.getMessageId())) {
        poisonBodies.add(m.getBody());
      } else {
        goodIds.add(id);
      }
    }

    for (String id : goodIds) {
      completed(id);
    }
    List<String> inDlq = new ArrayList<>();
    Poll.until(() -> {
      for (Message m : sqs.receiveMessage(r -> r.queueUrl(dlqUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
        inDlq.add(m.body());
      }
      return inDlq.size();
    }, n -> n >= poisonBodies.size(), LocalStack.WAIT, "the poison message(s) to reach the DLQ");
    assertEquals(new HashSet<>(poisonBodies), new HashSet<>(inDlq));
  }

  @Test
  @DisplayName("S3: an upload under incoming/ with a space and a plus in its key is applied with the decoded key")
  void s3DecodedKey() {
    S3Client s3 = LocalStack.client(LOCALSTACK, S3Client.builder().forcePathStyle(true));
    s3.createBucket(r -> r.bucket(BUCKET));
    String fn = LocalStack.deployFunction(lambda, "order-file", "com.example.workshop.triggers.OrderFileHandler::handleRequest",
        Map.of("IDEMPOTENCY_TABLE", IDEMPOTENCY_TABLE, "AWS_ENDPOINT_URL", LAMBDA_SIDE_ENDPOINT, "ORDER_BUCKET", BUCKET,
            "ORDER_FILE_PREFIX", "incoming/", "ORDER_FILE_SUFFIX", ".json"));
    lambda.addPermission(r -> r.functionName("order-file").statementId("s3").action("lambda:InvokeFunction")
        .principal("s3.amazonaws.com").sourceArn("arn:aws:s3:::" + BUCKET));
    s3.putBucketNotificationConfiguration(r -> r.bucket(BUCKET).notificationConfiguration(n -> n
        .lambdaFunctionConfigurations(l -> l.lambdaFunctionArn(fn).events(Event.S3_OBJECT_CREATED)
            .filter(f -> f.key(k -> k.filterRules(
                rule -> rule.name(FilterRuleName.PREFIX).value("incoming/"),
                rule -> rule.name(FilterRuleName.SUFFIX).value(".json")))))));

    String key = "incoming/order 42+1.json";
    s3.putObject(r -> r.bucket(BUCKET).key(key),
        RequestBody.fromString("{\"orderId\":\"A-42\",\"customerId\":\"C-1\",\"amount\":5,\"items\":[\"SKU-PEN\"]}"));

    String prefix = "s3://" + BUCKET + "/" + key + "#";
    Optional<Map<String, AttributeValue>> item = Poll.until(
        () -> dynamo.scan(r -> r.tableName(IDEMPOTENCY_TABLE)).items().stream()
            .filter(i -> i.get("pk").s().startsWith(prefix)).findFirst(),
        Optional::isPresent, LocalStack.WAIT, "the upload of '" + key + "' to be applied");
    assertEquals("COMPLETED", item.get().get("status").s());
  }

  @Test
  @DisplayName("SNS: an OrderPlaced notification passes the filter policy and is applied once")
  void snsNotification() {
    SnsClient sns = LocalStack.client(LOCALSTACK, SnsClient.builder());
    String topic = sns.createTopic(r -> r.name("order-events")).topicArn();
    String fn = LocalStack.deployFunction(lambda, "order-events",
        "com.example.workshop.triggers.OrderEventsHandler::handleRequest", env);
    lambda.addPermission(r -> r.functionName("order-events").statementId("sns").action("lambda:InvokeFunction")
        .principal("sns.amazonaws.com").sourceArn(topic));
    sns.subscribe(r -> r.topicArn(topic).protocol("lambda").endpoint(fn).attributes(Map.of(
        "FilterPolicyScope", "MessageAttributes",
        "FilterPolicy", "{\"eventType\":[\"OrderPlaced\",\"OrderCancelled\"]}")));

    String messageId = sns.publish(r -> r.topicArn(topic)
        .message("{\"orderId\": \"A-1001\", \"customerId\": \"C-42\", \"amount\": 59.9, \"items\": [\"SKU-BOOK\", \"SKU-PEN\"]}")
        .messageAttributes(Map.of("eventType",
            MessageAttributeValue.builder().dataType("String").stringValue("OrderPlaced").build()))).messageId();

    assertEquals("COMPLETED", completed(messageId).get("status").s());
  }

  @Test
  @DisplayName("DynamoDB Streams: an INSERT into the orders table reaches the stream handler and is applied once")
  void dynamoDbStream() {
    dynamo.createTable(r -> r.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(a -> a.attributeName("orderId").attributeType(ScalarAttributeType.S))
        .keySchema(k -> k.attributeName("orderId").keyType(KeyType.HASH))
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    dynamo.waiter().waitUntilTableExists(r -> r.tableName("orders"));
    String streamArn = dynamo.describeTable(r -> r.tableName("orders")).table().latestStreamArn();

    LocalStack.deployFunction(lambda, "order-stream", "com.example.workshop.triggers.OrderStreamHandler::handleRequest", env);
    String uuid = lambda.createEventSourceMapping(r -> r.functionName("order-stream").eventSourceArn(streamArn)
        .startingPosition(EventSourcePosition.TRIM_HORIZON).batchSize(100).bisectBatchOnFunctionError(true)
        .maximumRetryAttempts(3).functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES)).uuid();
    Poll.until(() -> lambda.getEventSourceMapping(r -> r.uuid(uuid)).state(), "Enabled"::equals,
        LocalStack.WAIT, "the stream event source mapping to be Enabled");

    dynamo.putItem(r -> r.tableName("orders").item(Map.of(
        "orderId", AttributeValue.fromS("A-1001"),
        "customerId", AttributeValue.fromS("C-42"),
        "amount", AttributeValue.fromN("59.90"),
        "items", AttributeValue.fromL(List.of(AttributeValue.fromS("SKU-BOOK"), AttributeValue.fromS("SKU-PEN"))),
        "status", AttributeValue.fromS("PLACED"))));

    // The stream record's eventID is the idempotency key the handler uses.
    DynamoDbStreamsClient streams = LocalStack.client(LOCALSTACK, DynamoDbStreamsClient.builder());
    String shard = streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards().get(0).shardId();
    String iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard)
        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    String eventId = Poll.until(() -> streams.getRecords(r -> r.shardIterator(iterator)).records(),
        records -> !records.isEmpty(), LocalStack.WAIT, "the INSERT on the stream").get(0).eventID();
    assertTrue(eventId != null && !eventId.isBlank());

    assertEquals("COMPLETED", completed(eventId).get("status").s());
  }
}
