package com.example.workshop.runtime.sfn.internal.teststate;

import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.asl.Timestamps;
import com.example.workshop.runtime.sfn.internal.engine.ApiError;
import com.example.workshop.runtime.sfn.internal.model.StateType;
import com.example.workshop.runtime.sfn.internal.model.TaskState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The Context object ({@code $$}) of a tested state: the request's, checked as AWS checks it (only
 * the fields a Context object has, each of its type; no {@code Map}; {@code Task} only for a
 * .sync or .waitForTaskToken Task), or the one AWS makes up: an Express execution of a machine
 * made for the test, the state named {@code StateName}.
 */
final class ContextObject {
  private static final String PREFIX = "Invalid Context object provided: ";
  /** Section → field → the JSON type it must have ({@code any} for Execution.Input). */
  private static final Map<String, Map<String, String>> FIELDS = Map.of(
      "Execution", Map.of("Id", "string", "Input", "any", "Name", "string", "RoleArn", "string",
          "StartTime", "string", "RedriveCount", "integer", "RedriveTime", "string"),
      "State", Map.of("Name", "string", "EnteredTime", "string", "RetryCount", "integer"),
      "StateMachine", Map.of("Id", "string", "Name", "string"),
      "Task", Map.of("Token", "string"));

  private ContextObject() {}

  /** The request's Context object text, checked. */
  static ObjectNode given(String text, TestedState tested) {
    JsonNode context;
    try {
      context = Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw Refusal.validation(PREFIX + "it is not JSON: " + e.getMessage());
    }
    if (!context.isObject()) {
      throw Refusal.validation(PREFIX + "it must be a JSON object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = context.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> section = it.next();
      String name = section.getKey();
      if (name.equals("Map")) {
        throw Refusal.validation(PREFIX
            + "'Map' field is not supported when mocking a Context object");
      }
      Map<String, String> fields = FIELDS.get(name);
      if (fields == null) {
        throw notAllowed(name);
      }
      if (name.equals("Task") && !waitsForAnswer(tested)) {
        throw Refusal.validation(PREFIX + "Context object contains 'Task' when state is"
            + " not a Task state with a '.sync' or '.waitForTaskToken' service integration"
            + " pattern");
      }
      if (!section.getValue().isObject()) {
        throw Refusal.validation(PREFIX + name + " must be an object");
      }
      check(name, section.getValue(), fields);
    }
    return (ObjectNode) context;
  }

  private static void check(String section, JsonNode value, Map<String, String> fields) {
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      String type = fields.get(f.getKey());
      if (type == null) {
        throw notAllowed(f.getKey());
      }
      JsonNode v = f.getValue();
      if (type.equals("string") && !v.isTextual()) {
        throw Refusal.validation(PREFIX + section + "." + f.getKey()
            + " must be a string");
      }
      if (type.equals("integer") && !v.isIntegralNumber()) {
        throw Refusal.validation(PREFIX + section + "." + f.getKey()
            + " must be an integer");
      }
    }
  }

  private static ApiError notAllowed(String field) {
    return Refusal.validation(PREFIX + "Field '" + field + "' is not allowed");
  }

  private static boolean waitsForAnswer(TestedState tested) {
    return tested.state() instanceof TaskState t
        && (t.resource().contains(".sync") || t.waitsForTaskToken());
  }

  /**
   * What AWS shows when the request gives none: the test's own Express execution (names are
   * generated), the role only when the request gives one, {@code State.RetryCount} on states
   * that retry, a task token for a callback Task.
   */
  static ObjectNode made(TestedState tested, JsonNode input, String roleArn, Names names,
      long nowMillis) {
    ObjectNode context = Json.object();
    ObjectNode execution = context.putObject("Execution");
    String arn = "arn:aws:states:" + names.region() + ":" + names.account() + ":";
    execution.put("Id", arn + "express:" + names.stateMachine() + ":" + names.execution());
    execution.set("Input", input);
    execution.put("Name", names.execution());
    execution.put("RoleArn", roleArn);
    execution.put("StartTime", Timestamps.format(nowMillis));
    ObjectNode machine = context.putObject("StateMachine");
    machine.put("Id", arn + "stateMachine:" + names.stateMachine());
    machine.put("Name", names.stateMachine());
    ObjectNode state = context.putObject("State");
    state.put("Name", TestedState.ALONE);
    state.put("EnteredTime", Timestamps.format(nowMillis));
    StateType type = tested.state().type();
    if (type == StateType.TASK || type == StateType.MAP || type == StateType.PARALLEL) {
      state.put("RetryCount", names.retryCount());
    }
    if (waitsForAnswer(tested)) {
      context.putObject("Task").put("Token", names.taskToken());
    }
    return context;
  }

  /** The identity of the made-up execution. */
  record Names(String account, String region, String stateMachine, String execution,
      int retryCount, String taskToken) {}
}
