package com.example.workshop.runtime.sfn.internal.teststate;

import com.example.workshop.runtime.sfn.internal.asl.Ids;
import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.engine.ApiError;
import com.example.workshop.runtime.sfn.internal.engine.EngineConfig;
import com.example.workshop.runtime.sfn.internal.engine.StateTest;
import com.example.workshop.runtime.sfn.internal.model.StateType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The TestState operation: a request in AWS's JSON shape in, a response in AWS's JSON shape out,
 * or a {@link ApiError} with AWS's error name and message.
 */
public final class TestStates {
  private TestStates() {}

  /**
   * @param config the functions, clock and identity of the LocalStepFunctions it runs in
   * @throws ApiError the request is not one TestState accepts
   */
  public static String run(String requestJson, EngineConfig config, Random random) {
    JsonNode json;
    try {
      json = Json.parse(requestJson);
    } catch (IllegalArgumentException e) {
      throw new ApiError("SerializationException",
          "The TestState request is not JSON: " + e.getMessage());
    }
    Request r = Request.read(json);
    TestedState tested = TestedState.of(r.definition(), r.stateName());
    StateTest.Mock mock = MockRules.check(r, tested);
    ObjectNode context = r.context() == null ? null : ContextObject.given(r.context(), tested);
    String inputText = r.input() == null ? "{}" : r.input();
    JsonNode input = input(inputText);
    Map<String, JsonNode> variables = variables(r.variables());
    JsonNode readerItems = readerItems(r.config().mapItemReaderData(), tested);
    int retryCount = r.config().retrierRetryCount() == null ? 0 : r.config().retrierRetryCount();
    String machineName = Ids.uuid(random);
    String executionName = Ids.uuid(random);
    if (context == null) {
      context = ContextObject.made(tested, input, r.roleArn(),
          new ContextObject.Names(config.accountId(), config.region(), machineName,
              executionName, retryCount, Ids.uuid(random)), config.clock().millis());
    }
    StateTest.Outcome outcome = StateTest.run(config, new StateTest.Setup(tested.state(), input,
        inputText, context, variables, retryCount, mock, r.config().mapIterationFailureCount(),
        readerItems, machineName, executionName, random));
    return Json.text(Inspection.response(outcome, tested, input, r.inspectionLevel()));
  }

  private static JsonNode input(String text) {
    try {
      return Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ApiError("InvalidExecutionInput",
          "Invalid State Machine Execution Input: '" + e.getMessage() + "'");
    }
  }

  /** The request's variables: a JSON object of names and values. */
  private static Map<String, JsonNode> variables(String text) {
    Map<String, JsonNode> variables = new LinkedHashMap<>();
    if (text == null) {
      return variables;
    }
    JsonNode parsed;
    try {
      parsed = Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw Refusal.validation("Invalid variables provided: they are not JSON: "
          + e.getMessage());
    }
    if (!parsed.isObject()) {
      throw Refusal.validation("Invalid variables provided: they must be a JSON object"
          + " of variable names and values");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = parsed.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      variables.put(e.getKey(), e.getValue());
    }
    return variables;
  }

  /**
   * What a Map's ItemReader reads, from mapItemReaderData: parsed when the reader's InputType is
   * JSON (an array) or JSONL (one value a line); null otherwise (the items are then not shown).
   */
  private static JsonNode readerItems(String data, TestedState tested) {
    JsonNode reader = tested.node().path("ItemReader");
    if (data == null || tested.state().type() != StateType.MAP || reader.isMissingNode()) {
      return null;
    }
    String type = reader.path("ReaderConfig").path("InputType").asText("JSON");
    try {
      if (type.equals("JSON")) {
        JsonNode items = Json.parse(data);
        if (!items.isArray()) {
          throw Refusal.validation("mapItemReaderData must be a JSON array of items for"
              + " an ItemReader whose InputType is JSON");
        }
        return items;
      }
      if (type.equals("JSONL")) {
        var items = Json.NODES.arrayNode();
        for (String line : data.split("\\R")) {
          if (!line.isBlank()) {
            items.add(Json.parse(line));
          }
        }
        return items;
      }
    } catch (IllegalArgumentException e) {
      throw Refusal.validation("mapItemReaderData is not " + type + ": "
          + e.getMessage());
    }
    return null;
  }
}
