package com.example.workshop.runtime.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.runtime.lambda.Isolation;
import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.ExecutionStatus;
import com.example.workshop.runtime.sfn.HistoryEvent;
import com.example.workshop.runtime.sfn.LambdaFunctionError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fixture app in {@code src/test/resources/sam/app} (one substitution of each resolvable form)
 * read as the tests run it; each row of {@code app-errors.json} breaks it in one way and gives the
 * message that must follow.
 */
class SamApplicationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FIXTURES = "com.example.workshop.runtime.sam.fixtures.";
  private static final Path ORDERS = Path.of("src/test/resources/sam/orders/template.yaml");

  @TempDir Path dir;

  @Test
  @DisplayName("handlers() maps each function to its Handler, Globals.Function.Handler included, in template order")
  void handlers() throws IOException {
    SamApplication app = SamApplication.load(copyFixture(Map.of()));
    assertEquals(List.of("ValidateOrderFunction", "ChargePaymentFunction"), List.copyOf(app.handlers().keySet()));
    assertEquals(FIXTURES + "ValidateOrder::handleRequest", app.handlers().get("ValidateOrderFunction"));
    assertEquals(FIXTURES + "ChargePayment::charge", app.handlers().get("ChargePaymentFunction"));
  }

  @Test
  @DisplayName("substitutions resolve !GetAtt Fn.Arn to a synthetic ARN, !Ref, !Sub and literals as CloudFormation would")
  void substitutionsDefaultIdentity() throws IOException {
    SamApplication app = SamApplication.load(copyFixture(Map.of()));
    assertEquals("statemachine/order.asl.json", app.definitionUri());
    assertEquals(Map.of(
        "ValidateOrderFunctionArn", "arn:aws:lambda:us-east-1:123456789012:function:ValidateOrderFunction",
        "ChargePaymentFunctionName", "ChargePaymentFunction",
        "Region", "us-east-1",
        "AccountId", "123456789012",
        "ChargeAlias", "arn:aws:lambda:us-east-1:123456789012:function:ChargePaymentFunction:live",
        "Currency", "EUR"), app.substitutions());
    assertEquals(List.copyOf(app.substitutions().keySet()), List.copyOf(app.substitutions("OrderWorkflow").keySet()),
        "in template order");
  }

  @Test
  @DisplayName("withRegion and withAccountId change every ARN and pseudo parameter, and leave the original as it was")
  void overriddenIdentity() throws IOException {
    SamApplication app = SamApplication.load(copyFixture(Map.of()));
    SamApplication eu = app.withRegion("eu-central-1").withAccountId("210987654321");
    assertEquals("arn:aws:lambda:eu-central-1:210987654321:function:ValidateOrderFunction",
        eu.substitutions().get("ValidateOrderFunctionArn"));
    assertEquals("eu-central-1", eu.substitutions().get("Region"));
    assertEquals("210987654321", eu.substitutions().get("AccountId"));
    assertEquals("us-east-1", app.substitutions().get("Region"));
  }

  @Test
  @DisplayName("stepFunctions() runs the definition (read next to the template) on its handlers, called by the synthetic ARNs")
  void runsOnTheTemplatesHandlers() throws IOException {
    SamApplication app = SamApplication.load(copyFixture(Map.of())).withRegion("eu-central-1");
    Execution run = app.stepFunctions().build().start(app.stateMachine(), "{\"orderId\": \"o-1\", \"amount\": 20}");

    assertEquals(ExecutionStatus.SUCCEEDED, run.status(), run.historyTable());
    assertEquals(JSON.readTree("{\"orderId\": \"o-1\", \"charged\": 20}"), JSON.readTree(run.output()));
    List<String> called = run.history().stream().filter(e -> e.type().equals("LambdaFunctionScheduled"))
        .map(e -> e.details().path("resource").asText()).toList();
    assertEquals(List.of("arn:aws:lambda:eu-central-1:123456789012:function:ValidateOrderFunction",
        "arn:aws:lambda:eu-central-1:123456789012:function:ChargePaymentFunction"), called);
    assertTrue(run.executionArn().startsWith("arn:aws:states:eu-central-1:123456789012:execution:"),
        run.executionArn());
  }

  @Test
  @DisplayName("stepFunctions() gives each function the template's Timeout, MemorySize and Environment; with"
      + " Environment variables it runs in a JVM of its own, the others as the engine's isolation says")
  void functionsGetTheirTemplateSettings() throws Exception {
    SamApplication app = SamApplication.load(copyFixture(Map.of(
        "    Runtime: java21\n", "    Runtime: java21\n    Timeout: 20\n    Environment:\n      Variables:\n"
            + "        STAGE: test\n",
        "Handler: com.example.workshop.runtime.sam.fixtures.ValidateOrder::handleRequest",
        "Handler: " + FIXTURES + "Settings::describe",
        "      Handler: com.example.workshop.runtime.sam.fixtures.ChargePayment::charge\n",
        "      Handler: " + FIXTURES + "Settings::describe\n      MemorySize: 512\n      Environment:\n"
            + "        Variables:\n          CURRENCY: !Ref AWS::Region\n")));
    Execution run = app.stepFunctions().build().start(app.stateMachine(), "{\"orderId\": \"o-1\"}");

    assertEquals(ExecutionStatus.SUCCEEDED, run.status(), run.historyTable());
    JsonNode out = JSON.readTree(run.output());
    assertEquals(JSON.readTree("{\"currency\": \"us-east-1\", \"stage\": \"test\", \"memoryLimitInMB\": 512,"
        + " \"timeoutSeconds\": 20, \"ownJvm\": true}"), out, "ChargePaymentFunction: its own and Globals' settings");
    // ValidateOrderFunction has Globals' Timeout and Environment too, so it runs in a JVM of its own as well
    assertEquals(JSON.readTree("{\"currency\": \"null\", \"stage\": \"test\", \"memoryLimitInMB\": 128,"
        + " \"timeoutSeconds\": 20, \"ownJvm\": true}"), JSON.readTree(run.history().stream()
            .filter(e -> e.type().equals("LambdaFunctionSucceeded")).findFirst().orElseThrow()
            .details().path("output").asText()), "ValidateOrderFunction");
  }

  @Test
  @DisplayName("a function without Environment variables follows the engine's isolation")
  void isolationReachesTemplateFunctions() throws Exception {
    SamApplication app = SamApplication.load(copyFixture(Map.of(
        "Handler: com.example.workshop.runtime.sam.fixtures.ChargePayment::charge",
        "Handler: " + FIXTURES + "Settings::describe")));
    String input = "{\"orderId\": \"o-1\"}";
    Execution inThisJvm = app.stepFunctions().build().start(app.stateMachine(), input);
    Execution ownJvm = app.stepFunctions().isolation(Isolation.PROCESS).build().start(app.stateMachine(), input);

    assertEquals(false, JSON.readTree(inThisJvm.output()).path("ownJvm").asBoolean(true), inThisJvm.historyTable());
    assertEquals(true, JSON.readTree(ownJvm.output()).path("ownJvm").asBoolean(false), ownJvm.historyTable());
    assertEquals(3, JSON.readTree(ownJvm.output()).path("timeoutSeconds").asInt(), "Lambda's default timeout");
  }

  @Test
  @DisplayName("a binding of stepFunctions() can be replaced by a fake before build()")
  void bindingCanBeReplaced() throws IOException {
    SamApplication app = SamApplication.load(copyFixture(Map.of()));
    Execution run = app.stepFunctions()
        .function("ValidateOrderFunctionArn", event -> {
          throw new LambdaFunctionError("OrderInvalid", "no items");
        })
        .build()
        .start(app.stateMachine("OrderWorkflow"), "{\"orderId\": \"o-2\", \"amount\": 5}");
    assertEquals(ExecutionStatus.FAILED, run.status(), run.historyTable());
    assertEquals("OrderInvalid", run.error());
    assertEquals(List.of("Validate"), run.visitedStates());
    assertTrue(run.history().stream().map(HistoryEvent::type).noneMatch(t -> t.equals("LambdaFunctionSucceeded")));
  }

  @Test
  @DisplayName("an unknown state machine id names the ones the template has")
  void unknownStateMachine() throws IOException {
    SamApplication app = SamApplication.load(copyFixture(Map.of()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> app.stateMachine("Refunds"));
    assertEquals("template.yaml has no AWS::Serverless::StateMachine Refunds; its state machines: [OrderWorkflow]",
        e.getMessage());
  }

  @Test
  @DisplayName("a missing template is named with its absolute path")
  void missingTemplate() {
    Path missing = dir.resolve("nope/template.yaml");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SamApplication.load(missing));
    assertEquals("SAM template not found: " + missing.toAbsolutePath(), e.getMessage());
  }

  @Test
  @DisplayName("resources(type) gives that type's resources by logical id, in template order, and no other")
  void resourcesOfOneType() {
    SamApplication app = SamApplication.load(ORDERS);
    assertEquals(List.of("ValidateFunction", "ChargeFunction", "QueueConsumerFunction"),
        List.copyOf(app.resources("AWS::Serverless::Function").keySet()));
    assertEquals(List.of("OrdersQueue"), List.copyOf(app.resources("AWS::SQS::Queue").keySet()));
    assertEquals("AWS::SQS::Queue", app.resources("AWS::SQS::Queue").get("OrdersQueue").path("Type").asText());
    assertEquals(Map.of(), app.resources("AWS::SNS::Topic"));
  }

  @Test
  @DisplayName("resources read short tags in CloudFormation's long form: !GetAtt A.Arn is one string, as AWS writes it")
  void resourcesInLongForm() throws IOException {
    SamApplication app = SamApplication.load(ORDERS);
    JsonNode consumer = app.resources("AWS::Serverless::Function").get("QueueConsumerFunction");
    assertEquals(JSON.readTree("""
        {"Type": "SQS",
         "Properties": {"Queue": {"Fn::GetAtt": "OrdersQueue.Arn"}, "FunctionResponseTypes": ["ReportBatchItemFailures"]}}
        """), consumer.at("/Properties/Events/Orders"));
    assertEquals(JSON.readTree("""
        [{"Fn::GetAtt": "ChargeFunction.Arn"}, {"Fn::Sub": "${ChargeFunction.Arn}:*"}]
        """), app.resource("OrderWorkflow").at("/Properties/Policies/1/Statement/0/Resource"));
    assertEquals(JSON.readTree("{\"Ref\": \"ValidateFunction\"}"),
        app.resource("OrderWorkflow").at("/Properties/Policies/0/LambdaInvokePolicy/FunctionName"));
  }

  @Test
  @DisplayName("resource(id) of an id the template lacks names the ones it has")
  void unknownResource() {
    SamApplication app = SamApplication.load(ORDERS);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> app.resource("OrderQueue"));
    assertEquals("template.yaml has no resource OrderQueue; its resources: [OrdersQueue, ValidateFunction,"
        + " ChargeFunction, QueueConsumerFunction, WorkflowLogs, OrderWorkflow]", e.getMessage());
  }

  @Test
  @DisplayName("resources, resource and globals hand out copies: changing one leaves the application as it was")
  void nodesAreCopies() {
    SamApplication app = SamApplication.load(ORDERS);
    ((ObjectNode) app.resource("OrdersQueue")).put("Type", "AWS::SNS::Topic");
    ((ObjectNode) app.resources("AWS::SQS::Queue").get("OrdersQueue")).remove("Type");
    ((ObjectNode) app.globals().path("Function")).put("Runtime", "java8");
    assertEquals("AWS::SQS::Queue", app.resource("OrdersQueue").path("Type").asText());
    assertEquals(List.of("OrdersQueue"), List.copyOf(app.resources("AWS::SQS::Queue").keySet()));
    assertEquals("java21", app.globals().at("/Function/Runtime").asText());
  }

  @Test
  @DisplayName("globals() is the Globals section in long form, an empty object when the template has none")
  void globals() throws IOException {
    SamApplication app = SamApplication.load(ORDERS);
    assertEquals(JSON.readTree("""
        {"Function": {"Runtime": "java21", "Architectures": ["arm64"], "MemorySize": 1024, "Timeout": 30, "CodeUri": "."}}
        """).toString(), app.globals().toString());
    Path noGlobals = copyFixture(Map.of("Globals:\n  Function:\n    Runtime: java21\n", "Unused:\n  Function:\n"));
    assertEquals(JSON.createObjectNode(), SamApplication.load(noGlobals).globals());
  }

  @Test
  @DisplayName("!Ref Parameter is its Default, withParameter sets it as --parameter-overrides does, and !If takes the branch its Condition picks")
  void parametersAndConditions() throws IOException {
    Path template = copyFixture(Map.of(
        "Handler: com.example.workshop.runtime.sam.fixtures.ChargePayment::charge",
        "Handler: !If [Classroom, " + FIXTURES + "ValidateOrder::handleRequest, " + FIXTURES + "ChargePayment::charge]",
        "        Currency: EUR", """
                Currency: !Ref ShopCurrency
        Parameters:
          ShopCurrency:
            Type: String
            Default: EUR
          ClassroomFaults:
            Type: String
            AllowedValues: ["on", "off"]
            Default: "off"
        Conditions:
          Classroom: !And [!Equals [!Ref ClassroomFaults, "on"], !Not [!Equals [!Ref ShopCurrency, "KRW"]]]"""));
    SamApplication deployed = SamApplication.load(template);
    assertEquals(FIXTURES + "ChargePayment::charge", deployed.handlers().get("ChargePaymentFunction"));
    assertEquals("EUR", deployed.substitutions().get("Currency"));

    SamApplication classroom = deployed.withParameter("ClassroomFaults", "on");
    assertEquals(FIXTURES + "ValidateOrder::handleRequest", classroom.handlers().get("ChargePaymentFunction"));
    assertEquals(FIXTURES + "ValidateOrder::handleRequest", classroom.functions().get("ChargePaymentFunction").handler());
    assertEquals(FIXTURES + "ChargePayment::charge", deployed.handlers().get("ChargePaymentFunction"), "unchanged");
    assertEquals(FIXTURES + "ChargePayment::charge",
        classroom.withParameter("ShopCurrency", "KRW").handlers().get("ChargePaymentFunction"), "!Not and !And");
    assertEquals("KRW", classroom.withParameter("ShopCurrency", "KRW").substitutions().get("Currency"));

    IllegalArgumentException notAllowed = assertThrows(IllegalArgumentException.class,
        () -> deployed.withParameter("ClassroomFaults", "yes"));
    assertEquals("template.yaml: parameter ClassroomFaults must be one of [on, off], got 'yes'", notAllowed.getMessage());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> deployed.withParameter("Classroom", "on"));
    assertEquals("template.yaml declares no parameter Classroom; its parameters: ShopCurrency, ClassroomFaults",
        unknown.getMessage());
  }

  static Stream<Arguments> brokenTemplates() throws IOException {
    try (InputStream in = SamApplicationTest.class.getResourceAsStream("/sam/app-errors.json")) {
      List<Arguments> rows = new ArrayList<>();
      for (JsonNode row : JSON.readTree(in)) {
        rows.add(Arguments.of(row.path("name").asText(), row.path("replace").asText(), row.path("with").asText(),
            row.path("call").asText(), row.path("expected").asText()));
      }
      return rows.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenTemplates")
  @DisplayName("a template problem fails with the file, line and field")
  void brokenTemplate(String name, String replace, String with, String call, String expected) throws IOException {
    Path template = copyFixture(Map.of(replace, with));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
      SamApplication app = SamApplication.load(template);
      switch (call) {
        case "load" -> { }
        case "handlers" -> app.handlers();
        case "stateMachine" -> app.stateMachine();
        default -> throw new IllegalStateException("unknown call " + call);
      }
    });
    assertTrue(e.getMessage().contains(expected), "expected to contain:\n" + expected + "\nwas:\n" + e.getMessage());
  }

  /** Copies the fixture app into the temp folder, applying each text replacement to template.yaml. */
  private Path copyFixture(Map<String, String> replacements) throws IOException {
    Path source = Path.of("src/test/resources/sam/app");
    Files.createDirectories(dir.resolve("statemachine"));
    Files.copy(source.resolve("statemachine/order.asl.json"), dir.resolve("statemachine/order.asl.json"));
    String text = Files.readString(source.resolve("template.yaml"));
    for (Map.Entry<String, String> r : replacements.entrySet()) {
      assertTrue(text.contains(r.getKey()), "fixture has no '" + r.getKey() + "'");
      text = text.replace(r.getKey(), r.getValue());
    }
    Path template = dir.resolve("template.yaml");
    Files.writeString(template, text);
    return template;
  }
}
