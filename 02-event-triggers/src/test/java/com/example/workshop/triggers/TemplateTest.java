package com.example.workshop.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.runtime.sam.Finding;
import com.example.workshop.runtime.sam.SamApplication;
import com.example.workshop.runtime.sam.SamTemplateCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * template.yaml is checked against the compiled handlers and the failure settings the lesson
 * teaches.
 */
class TemplateTest {
  private static final SamApplication TEMPLATE = SamApplication.load(Path.of("template.yaml"));
  private static final SamApplication BROKEN =
      SamApplication.load(Path.of("src/test/resources/templates/broken-handlers.yaml"));
  private static final String FUNCTION = "AWS::Serverless::Function";
  private static final ClassLoader CLASSES = TemplateTest.class.getClassLoader();

  @TempDir Path dir;

  @Test
  @DisplayName("short tags !Ref, !GetAtt, !Sub, !Join parse into CloudFormation's long form")
  void shortTagsParse() throws Exception {
    Path template = dir.resolve("template.yaml");
    Files.writeString(
        template,
        """
        Resources:
          OrderQueue:
            Type: AWS::SQS::Queue
            Properties:
              A: !Ref OrderQueue
              B: !GetAtt OrdersTable.StreamArn
              C: !Sub orders-${AWS::Region}
              D: !Join [',', [a, !Ref X]]
              E: 180
        """);
    JsonNode parsed = SamApplication.load(template).resource("OrderQueue").path("Properties");

    JsonNode expected =
        new ObjectMapper()
            .readTree(
                """
                {"A": {"Ref": "OrderQueue"},
                 "B": {"Fn::GetAtt": "OrdersTable.StreamArn"},
                 "C": {"Fn::Sub": "orders-${AWS::Region}"},
                 "D": {"Fn::Join": [",", ["a", {"Ref": "X"}]]},
                 "E": 180}
                """);
    assertEquals(expected.toString(), parsed.toString());
  }

  @Test
  @DisplayName("every Handler in template.yaml exists and takes what its event source delivers")
  void handlersMatchEventSources() {
    assertEquals(4, TEMPLATE.resources(FUNCTION).size());
    // The shared offline checks (local-runtime's SamTemplateCheck): handlers, event input types,
    // partial batch responses, '*' resources, java21/arm64/1024 MB. TemplateChecksTest runs them too.
    assertEquals(
        List.of(),
        SamTemplateCheck.of(Path.of("template.yaml")).withClassLoader(CLASSES).findings());
  }

  @Test
  @DisplayName(
      "the check catches a missing class, a missing method, a wrong input and an ignored answer")
  void brokenTemplateIsCaught() {
    List<Finding> findings =
        SamTemplateCheck.of(Path.of("src/test/resources/templates/broken-handlers.yaml"))
            .withClassLoader(CLASSES)
            .findings()
            .stream()
            .filter(f -> f.rule().startsWith("HANDLER_") || f.rule().startsWith("PARTIAL_BATCH"))
            .toList();

    assertEquals(
        List.of(
            "HANDLER_CLASS_MISSING",
            "HANDLER_METHOD_MISSING",
            "HANDLER_INPUT_TYPE",
            "PARTIAL_BATCH_RESPONSE_IGNORED"),
        findings.stream().map(Finding::rule).toList(),
        findings.toString());
    assertTrue(
        findings.get(0).message().contains("class com.example.workshop.triggers.OrderQueueHandlr is not"),
        findings.get(0).toString());
    assertTrue(
        findings.get(1).message().contains("OrderQueueHandler has no public method 'handle'"),
        findings.get(1).toString());
    assertTrue(
        findings.get(2).message().contains("WrongInput is triggered by SQS")
            && findings.get(2).message().contains("the runtime delivers SQSEvent"),
        findings.get(2).toString());
    assertTrue(
        findings
            .get(3)
            .message()
            .contains("returns SQSBatchResponse but event Queued does not set FunctionResponseTypes"),
        findings.get(3).toString());
  }

  @Test
  @DisplayName("no policy statement grants Resource '*' (each names its table's ARN)")
  void leastPrivilege() {
    assertEquals(List.of(), starResources(TEMPLATE));
    assertEquals(List.of("StarResource"), starResources(BROKEN), "the check itself works");
  }

  @Test
  @DisplayName(
      "no S3-triggered function refers to its bucket resource (that is the circular dependency)")
  void noCircularDependencyOnBucket() {
    assertEquals(List.of(), bucketBackReferences(TEMPLATE));
    assertEquals(
        List.of("StarResource -> Bucket"), bucketBackReferences(BROKEN), "the check itself works");
  }

  @Test
  @DisplayName(
      "the DynamoDB stream mapping has its start position, retry limit, bisect, destination")
  void streamFailureSettings() {
    int streams = 0;
    for (JsonNode event : events(TEMPLATE, "DynamoDB")) {
      streams++;
      JsonNode p = event.path("Properties");
      assertTrue(
          List.of("TRIM_HORIZON", "LATEST").contains(p.path("StartingPosition").asText()),
          p.toString());
      assertTrue(p.path("BisectBatchOnFunctionError").asBoolean(), p.toString());
      assertTrue(
          p.path("MaximumRetryAttempts").isNumber(), "without it a bad record blocks the shard");
      assertTrue(p.at("/DestinationConfig/OnFailure/Destination").isObject(), p.toString());
      assertEquals("ReportBatchItemFailures", p.at("/FunctionResponseTypes/0").asText());
    }
    assertEquals(1, streams);
  }

  @Test
  @DisplayName(
      "the SQS queue redrives to a DLQ and its visibility timeout is >= 6x the function timeout")
  void queueRedrive() {
    int timeout = TEMPLATE.globals().at("/Function/Timeout").asInt();
    int queues = 0;
    for (JsonNode event : events(TEMPLATE, "SQS")) {
      queues++;
      String queue = getAttResource(event.at("/Properties/Queue"));
      JsonNode props = TEMPLATE.resource(queue).path("Properties");
      assertTrue(props.at("/RedrivePolicy/deadLetterTargetArn").isObject(), queue + " has no DLQ");
      assertTrue(props.at("/RedrivePolicy/maxReceiveCount").asInt() > 1, queue);
      assertTrue(props.path("VisibilityTimeout").asInt() >= 6 * timeout, queue);
      assertEquals(
          "ReportBatchItemFailures", event.at("/Properties/FunctionResponseTypes/0").asText());
    }
    assertEquals(1, queues);
  }

  @Test
  @DisplayName(
      "functions run on java21 and arm64; asynchronous ones have an on-failure destination")
  void runtimeAndAsyncDestinations() {
    assertEquals("java21", TEMPLATE.globals().at("/Function/Runtime").asText());
    assertEquals("arm64", TEMPLATE.globals().at("/Function/Architectures/0").asText());
    for (Map.Entry<String, JsonNode> fn : TEMPLATE.resources(FUNCTION).entrySet()) {
      String source =
          fn.getValue().at("/Properties/Events").elements().next().path("Type").asText();
      if (source.equals("S3") || source.equals("SNS")) {
        assertTrue(
            fn.getValue()
                .at("/Properties/EventInvokeConfig/DestinationConfig/OnFailure/Destination")
                .isObject(),
            fn.getKey() + " loses events that fail every retry");
      }
    }
  }

  @Test
  @DisplayName("the SNS subscription has a DLQ only its topic may send to")
  void snsSubscriptionDeadLetterQueue() {
    List<JsonNode> subscriptions = events(TEMPLATE, "SNS");
    assertEquals(1, subscriptions.size());
    String dlq =
        getAttResource(subscriptions.get(0).at("/Properties/RedrivePolicy/deadLetterTargetArn"));
    assertEquals("AWS::SQS::Queue", TEMPLATE.resource(dlq).path("Type").asText(), dlq);
    boolean allowed = false;
    for (JsonNode policy : TEMPLATE.resources("AWS::SQS::QueuePolicy").values()) {
      for (JsonNode statement : policy.at("/Properties/PolicyDocument/Statement")) {
        allowed |=
            statement.at("/Principal/Service").asText().equals("sns.amazonaws.com")
                && getAttResource(statement.path("Resource")).equals(dlq)
                && statement.at("/Condition/ArnEquals/aws:SourceArn").isObject();
      }
    }
    assertTrue(allowed, "no queue policy lets the topic (and only it) send to " + dlq);
  }

  private static List<JsonNode> events(SamApplication template, String type) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode fn : template.resources(FUNCTION).values()) {
      fn.at("/Properties/Events")
          .elements()
          .forEachRemaining(
              e -> {
                if (e.path("Type").asText().equals(type)) {
                  found.add(e);
                }
              });
    }
    return found;
  }

  private static List<String> starResources(SamApplication template) {
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, JsonNode> fn : template.resources(FUNCTION).entrySet()) {
      for (JsonNode policy : fn.getValue().at("/Properties/Policies")) {
        for (JsonNode statement : policy.path("Statement")) {
          JsonNode resource = statement.path("Resource");
          boolean star = resource.asText().equals("*");
          for (JsonNode r : resource) {
            star |= r.asText().equals("*");
          }
          if (star) {
            found.add(fn.getKey());
          }
        }
      }
    }
    return found;
  }

  private static List<String> bucketBackReferences(SamApplication template) {
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, JsonNode> fn : template.resources(FUNCTION).entrySet()) {
      JsonNode props = fn.getValue().path("Properties");
      for (JsonNode event : props.path("Events")) {
        if (!event.path("Type").asText().equals("S3")) {
          continue;
        }
        String bucket = event.at("/Properties/Bucket/Ref").asText();
        Iterator<Map.Entry<String, JsonNode>> it = props.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> p = it.next();
          if (!p.getKey().equals("Events") && refersTo(p.getValue(), bucket)) {
            found.add(fn.getKey() + " -> " + bucket);
          }
        }
      }
    }
    return found;
  }

  private static boolean refersTo(JsonNode node, String logicalId) {
    if (node.path("Ref").asText().equals(logicalId) || getAttResource(node).equals(logicalId)) {
      return true;
    }
    for (JsonNode child : node) {
      if (refersTo(child, logicalId)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The logical id a {@code Fn::GetAtt} names: {@code !GetAtt A.Arn} reads as {"Fn::GetAtt":
   * "A.Arn"}, the long form written by hand as {"Fn::GetAtt": ["A", "Arn"]}; "" for anything else.
   */
  private static String getAttResource(JsonNode node) {
    JsonNode getAtt = node.path("Fn::GetAtt");
    if (getAtt.isArray()) {
      return getAtt.path(0).asText();
    }
    String target = getAtt.asText();
    int dot = target.indexOf('.');
    return dot < 0 ? target : target.substring(0, dot);
  }

  @Test
  @DisplayName("a YAML syntax error is reported with its file and line")
  void syntaxErrorReported() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "Resources:\n  A: [unclosed\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SamApplication.load(bad));
    assertTrue(e.getMessage().startsWith(bad + " line 2: "), e.getMessage());
    assertFalse(e.getMessage().isBlank());
  }
}
