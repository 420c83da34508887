package com.example.orders.workflow;

import static com.example.orders.workflow.JsonAssert.assertJsonEquals;
import static com.example.orders.workflow.JsonAssert.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.runtime.sam.SamApplication;
import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.ExecutionStatus;
import com.example.workshop.runtime.sfn.HistoryEvent;
import com.example.workshop.runtime.sfn.LocalStepFunctions;
import com.example.workshop.runtime.sfn.StartOptions;
import com.example.workshop.runtime.sfn.StateMachine;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The definition SAM deploys, run offline on the handler classes SAM packages: local-runtime's
 * SamApplication reads template.yaml for the Handler per function, and resolves the
 * DefinitionSubstitutions to ARNs ({@code arn:aws:lambda:eu-central-1:123456789012:function:<logical id>}).
 * Each behaviour is checked on the JSONPath definition and on its JSONata twin ({@link Workflow}).
 */
class OrderWorkflowTest {

  static final String ARN_PREFIX = "arn:aws:lambda:eu-central-1:123456789012:function:";
  // snippet:bind-template
  static final SamApplication APP = SamApplication.load(Path.of("template.yaml")).withRegion("eu-central-1");
  static LocalStepFunctions stepFunctions;

  @BeforeAll
  static void load() {
    stepFunctions = builder().build();
  }

  /** Every function of the template bound to its handler, by substitution key. */
  static LocalStepFunctions.Builder builder() {
    return APP.stepFunctions();
  }
  // end-snippet

  private static Execution run(Workflow workflow, String event) throws Exception {
    return stepFunctions.start(workflow.machine(), Files.readString(Path.of("events", event)));
  }

  /** The history up to IsHighValue's decision: ReadOrder, ValidateOrder, PriceOrder and the three Choices. */
  static final List<String> PRICED_EVENTS = List.of("ExecutionStarted",
      "ChoiceStateEntered", "ChoiceStateExited",
      "PassStateEntered", "PassStateExited",
      "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited",
      "ChoiceStateEntered", "ChoiceStateExited",
      "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited",
      "ChoiceStateEntered", "ChoiceStateExited");

  /** The accepted order's history: the Map runs one iteration per item, each calling ReserveInventory. */
  static final List<String> ACCEPTED_EVENTS = Stream.concat(PRICED_EVENTS.stream(), Stream.of(
      "MapStateEntered", "MapStateStarted", "MapIterationStarted", "MapIterationStarted",
      "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted",
      "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted",
      "LambdaFunctionSucceeded", "TaskStateExited", "MapIterationSucceeded",
      "LambdaFunctionSucceeded", "TaskStateExited", "MapIterationSucceeded",
      "MapStateSucceeded", "MapStateExited",
      "PassStateEntered", "PassStateExited",
      "SucceedStateEntered", "SucceedStateExited",
      "ExecutionSucceeded")).toList();

  @ParameterizedTest(name = "{0}")
  @EnumSource(Workflow.class)
  @DisplayName("a normal order is validated, priced, reserved item by item and confirmed")
  void acceptedOrder(Workflow workflow) throws Exception {
    Execution run = run(workflow, "order-placed.json");

    assertEquals(ExecutionStatus.SUCCEEDED, run.status(), run.historyTable());
    assertJsonEquals("""
        {"orderId": "ord-1001", "status": "ACCEPTED", "total": 39.80, "currency": "EUR",
         "reservationIds": ["res-ord-1001-BOOK-42", "res-ord-1001-MUG-7"], "placedAt": "2026-11-27T10:15:00Z"}""",
        run.output());
    assertEquals(List.of("WhichEvent", "ReadOrder", "ValidateOrder", "IsOrderValid", "PriceOrder", "IsHighValue",
        "ReserveInventory", "ReserveItem", "ReserveItem", "ConfirmOrder", "OrderAccepted"), run.visitedStates());
    assertEquals(ACCEPTED_EVENTS, types(run));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Workflow.class)
  @DisplayName("each Task calls its function by ARN with the input its Parameters (JSONata: Arguments) built")
  void tasksSendTheirParameters(Workflow workflow) throws Exception {
    Execution run = run(workflow, "order-placed.json");
    List<HistoryEvent> scheduled = run.history().stream().filter(e -> e.type().equals("LambdaFunctionScheduled")).toList();
    assertEquals(List.of(ARN_PREFIX + "ValidateOrderFunction", ARN_PREFIX + "PriceOrderFunction",
        ARN_PREFIX + "ReserveInventoryFunction", ARN_PREFIX + "ReserveInventoryFunction"),
        scheduled.stream().map(e -> e.details().path("resource").asText()).toList());
    assertJsonEquals("""
        {"orderId": "ord-1001", "customerId": "cust-42",
         "items": [{"sku": "BOOK-42", "quantity": 2, "unitPrice": 12.50}, {"sku": "MUG-7", "quantity": 1, "unitPrice": 9.90}]}""",
        scheduled.get(0).details().path("input").asText());
    assertJsonEquals("""
        {"items": [{"sku": "BOOK-42", "quantity": 2, "unitPrice": 12.50}, {"sku": "MUG-7", "quantity": 1, "unitPrice": 9.90}],
         "country": "DE"}""", scheduled.get(1).details().path("input").asText());
    List<String> reservations = List.of(scheduled.get(2).details().path("input").asText(),
        scheduled.get(3).details().path("input").asText());
    assertEquals(2, reservations.stream().map(JsonAssert::json).distinct().count(), "one call per item");
    for (String item : List.of("""
        {"orderId": "ord-1001", "item": {"sku": "BOOK-42", "quantity": 2, "unitPrice": 12.50}}""", """
        {"orderId": "ord-1001", "item": {"sku": "MUG-7", "quantity": 1, "unitPrice": 9.90}}""")) {
      assertTrue(reservations.stream().anyMatch(sent -> json(sent).equals(JsonAssert.NUMBERS_BY_VALUE, json(item))),
          "the Map's ItemSelector sends " + item + "; sent: " + reservations);
    }
  }

  @Test
  @DisplayName("JSONPath: ResultSelector keeps two fields of ValidateOrder's answer and ResultPath puts them beside the order")
  void resultSelectorAndResultPath() throws Exception {
    Execution run = run(Workflow.JSONPATH, "order-placed.json");
    JsonNode validated = json(exitedOutput(run, "ValidateOrder"));
    assertEquals("ord-1001", validated.path("orderId").asText(), "the order survives ResultPath");
    assertJsonEquals("{\"valid\": true, \"problems\": []}", validated.path("validation").toString());
    JsonNode priced = json(exitedOutput(run, "PriceOrder"));
    assertJsonEquals("{\"subtotal\": 34.90, \"shipping\": 4.90, \"total\": 39.80, \"currency\": \"EUR\"}",
        priced.path("price").toString());
    JsonNode entered = json(enteredInput(run, "ValidateOrder"));
    assertEquals(List.of("orderId", "customerId", "items", "shipTo", "placedAt"), fieldNames(entered),
        "the Pass state kept only the order (InputPath $.detail) and added placedAt");
  }

  @Test
  @DisplayName("JSONata: Assign keeps ValidateOrder's and PriceOrder's answers in variables; the working document stays the order")
  void assignKeepsAnswersInVariables() throws Exception {
    Execution run = run(Workflow.JSONATA, "order-placed.json");
    JsonNode priced = detailOf(run, "PriceOrder", "Exited");
    assertJsonEquals("{\"subtotal\": 34.90, \"shipping\": 4.90, \"total\": 39.80, \"currency\": \"EUR\"}",
        priced.path("assignedVariables").path("price").asText());
    assertEquals(List.of("orderId", "customerId", "items", "shipTo"), fieldNames(json(priced.path("output").asText())),
        "Output passes the order on unchanged");
    assertJsonEquals("{\"valid\": true, \"problems\": []}",
        detailOf(run, "ValidateOrder", "Exited").path("assignedVariables").path("validation").asText());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Workflow.class)
  @DisplayName("an order of 1000 EUR or more is held for review and nothing is reserved")
  void highValueOrderIsHeld(Workflow workflow) throws Exception {
    Execution run = run(workflow, "order-placed-high-value.json");

    assertEquals(ExecutionStatus.SUCCEEDED, run.status(), run.historyTable());
    assertJsonEquals("""
        {"orderId": "ord-1002", "status": "HELD_FOR_REVIEW", "total": 1299.00, "currency": "EUR",
         "reason": "Orders of 1000 EUR or more are checked by a person before anything is reserved."}""", run.output());
    assertEquals(List.of("WhichEvent", "ReadOrder", "ValidateOrder", "IsOrderValid", "PriceOrder", "IsHighValue",
        "HoldForReview", "OrderHeld"), run.visitedStates());
    assertEquals(Stream.concat(PRICED_EVENTS.stream(), Stream.of(
        "PassStateEntered", "PassStateExited",
        "SucceedStateEntered", "SucceedStateExited",
        "ExecutionSucceeded")).toList(), types(run), "two functions ran; ReserveInventory never did");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Workflow.class)
  @DisplayName("an invalid order ends in the Fail state with its Error and Cause, and the problems are in the history")
  void invalidOrderIsRejected(Workflow workflow) throws Exception {
    Execution run = run(workflow, "order-placed-invalid.json");

    assertEquals(ExecutionStatus.FAILED, run.status(), run.historyTable());
    assertNull(run.output());
    assertEquals("OrderRejected", run.error());
    assertEquals("The order failed validation: the output of the ValidateOrder step lists the problems"
        + " (validation.problems).", run.cause());
    assertEquals(List.of("WhichEvent", "ReadOrder", "ValidateOrder", "IsOrderValid", "OrderRejected"), run.visitedStates());
    assertEquals(List.of("ExecutionStarted",
        "ChoiceStateEntered", "ChoiceStateExited",
        "PassStateEntered", "PassStateExited",
        "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited",
        "ChoiceStateEntered", "ChoiceStateExited",
        "FailStateEntered", "ExecutionFailed"), types(run), "a Fail state has no Exited event");
    HistoryEvent failed = run.history().get(run.history().size() - 1);
    assertEquals("OrderRejected", failed.details().path("error").asText());
    JsonNode answer = json(run.history().stream().filter(e -> e.type().equals("LambdaFunctionSucceeded"))
        .findFirst().orElseThrow().details().path("output").asText());
    JsonNode problems = answer.path("problems");
    assertEquals(List.of("customerId is missing", "items[0].sku 'book 42' is not a SKU like BOOK-42",
        "items[0].quantity must be 1..100, was 0"), textList(problems));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Workflow.class)
  @DisplayName("an order file uploaded to S3 is read with the SDK integration (mocked) and accepted like an event's order")
  void uploadedOrderFile(Workflow workflow) throws Exception {
    LocalStepFunctions withS3 = builder().mockConfig(Path.of("src/test/resources/mock-config.json")).build();
    Execution run = withS3.start(workflow.machine(), Files.readString(Path.of("events/order-file-uploaded.json")),
        StartOptions.defaults().withStateMachineName("OrderWorkflow").withTestCase("OrderFileUploaded"));

    assertEquals(ExecutionStatus.SUCCEEDED, run.status(), run.historyTable());
    assertJsonEquals("""
        {"orderId": "ord-1004", "status": "ACCEPTED", "total": 21.90, "currency": "EUR",
         "reservationIds": ["res-ord-1004-PEN-3"], "placedAt": "2026-11-27T10:30:00Z"}""", run.output());
    assertEquals(List.of("WhichEvent", "LoadOrderFile", "ReadOrder", "ValidateOrder", "IsOrderValid", "PriceOrder",
        "IsHighValue", "ReserveInventory", "ReserveItem", "ConfirmOrder", "OrderAccepted"), run.visitedStates());
    HistoryEvent getObject = run.history().stream().filter(e -> e.type().equals("TaskScheduled")).findFirst()
        .orElseThrow(() -> new AssertionError(run.historyTable()));
    assertJsonEquals("{\"Bucket\": \"workshop-order-uploads\", \"Key\": \"orders/ord-1004.json\"}",
        getObject.details().path("parameters").asText());
    assertEquals(List.of("TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited"),
        types(run).subList(3, 8), "an SDK integration records Task* events, not LambdaFunction* events");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Workflow.class)
  @DisplayName("a missing order file fails the execution with the S3 error, before any function runs")
  void missingOrderFile(Workflow workflow) throws Exception {
    LocalStepFunctions withS3 = builder().mockConfig(Path.of("src/test/resources/mock-config.json")).build();
    Execution run = withS3.start(workflow.machine(), Files.readString(Path.of("events/order-file-uploaded.json")),
        StartOptions.defaults().withStateMachineName("OrderWorkflow").withTestCase("OrderFileMissing"));

    assertEquals(ExecutionStatus.FAILED, run.status(), run.historyTable());
    assertEquals("S3.NoSuchKeyException", run.error());
    assertEquals(List.of("WhichEvent", "LoadOrderFile"), run.visitedStates());
    assertEquals(List.of("TaskFailed", "ExecutionFailed"), types(run).subList(types(run).size() - 2, types(run).size()));
  }

  @Test
  @DisplayName("the corrected seed runs: its Task calls the function named by ${FunctionName}")
  void correctedSeedRuns() throws Exception {
    StateMachine seed = StateMachine.load(Path.of("statemachine/seed-corrected.asl.json"),
        Map.of("Region", "eu-central-1", "AccountId", "123456789012", "FunctionName", "ValidateOrder"));
    LocalStepFunctions sfn = LocalStepFunctions.builder()
        .function("ValidateOrder", "com.example.orders.workflow.ValidateOrder::handleRequest")
        .build();
    Execution run = sfn.start(seed, """
        {"orderId": "ord-1", "customerId": "cust-1", "items": [{"sku": "BOOK-42", "quantity": 1, "unitPrice": 5}]}""");
    assertEquals(ExecutionStatus.SUCCEEDED, run.status(), run.historyTable());
    assertEquals(List.of("MyLambdaTask", "NextState"), run.visitedStates());
    assertJsonEquals("{\"orderId\": \"ord-1\", \"valid\": true, \"problems\": [], \"rulesChecked\": 4}", run.output());
  }

  static List<String> types(Execution run) {
    return run.history().stream().map(HistoryEvent::type).toList();
  }

  /** The output recorded when the named state exited. */
  static String exitedOutput(Execution run, String state) {
    return detailOf(run, state, "Exited").path("output").asText();
  }

  static String enteredInput(Execution run, String state) {
    return detailOf(run, state, "Entered").path("input").asText();
  }

  static JsonNode detailOf(Execution run, String state, String suffix) {
    return run.history().stream()
        .filter(e -> e.type().endsWith("State" + suffix) && state.equals(e.details().path("name").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + suffix + " event for " + state + "\n" + run.historyTable()))
        .details();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> textList(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
