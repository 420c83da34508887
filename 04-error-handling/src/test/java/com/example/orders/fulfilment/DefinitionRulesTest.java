package com.example.orders.fulfilment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The lesson's rules, checked on the definition itself so that a new state cannot forget them. */
class DefinitionRulesTest {

  private static final Set<String> LAMBDA_SERVICE_ERRORS = Set.of("Lambda.ServiceException",
      "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException");
  private static final Set<String> COMPENSATIONS = Set.of("RefundPayment", "ReleaseInventory");

  private static Map<String, JsonNode> tasks() throws Exception {
    JsonNode states = new ObjectMapper().readTree(Path.of("statemachine/order-fulfilment.asl.json").toFile()).path("States");
    Map<String, JsonNode> tasks = new java.util.LinkedHashMap<>();
    states.fields().forEachRemaining(e -> {
      if (e.getValue().path("Type").asText().equals("Task")) {
        tasks.put(e.getKey(), e.getValue());
      }
    });
    return tasks;
  }

  private static List<String> errorsRetried(JsonNode task) {
    List<String> errors = new ArrayList<>();
    task.path("Retry").forEach(r -> r.path("ErrorEquals").forEach(e -> errors.add(e.asText())));
    return errors;
  }

  @Test
  @DisplayName("every Task that calls a function retries Lambda's service errors (compensations retry everything)")
  void lambdaServiceErrorsAreRetriedEverywhere() throws Exception {
    assertEquals(7, tasks().size());
    tasks().forEach((name, task) -> {
      if (isCallback(task)) {
        return;
      }
      List<String> retried = errorsRetried(task);
      assertTrue(retried.containsAll(LAMBDA_SERVICE_ERRORS) || retried.contains("States.ALL"), name + " retries " + retried);
    });
  }

  @Test
  @DisplayName("a callback Task is not retried, has HeartbeatSeconds shorter than TimeoutSeconds, and compensates on timeout")
  void callbacksAreBoundedNotRetried() throws Exception {
    Map<String, JsonNode> callbacks = new java.util.LinkedHashMap<>();
    tasks().forEach((name, task) -> {
      if (isCallback(task)) {
        callbacks.put(name, task);
      }
    });
    assertEquals(Set.of("ConfirmPayment"), callbacks.keySet());
    callbacks.forEach((name, task) -> {
      // A retry would send a second message and wait all over again for an answer already given.
      assertTrue(task.path("Retry").isMissingNode(), name + " retries");
      assertTrue(task.path("HeartbeatSeconds").asInt() > 0, name + " has no HeartbeatSeconds");
      assertTrue(task.path("HeartbeatSeconds").asInt() < task.path("TimeoutSeconds").asInt(), name);
      List<String> caught = new ArrayList<>();
      task.path("Catch").forEach(c -> c.path("ErrorEquals").forEach(e -> caught.add(e.asText())));
      assertTrue(caught.containsAll(List.of("States.HeartbeatTimeout", "States.Timeout")), name + " catches " + caught);
      task.path("Catch").forEach(c -> assertTrue(COMPENSATIONS.contains(c.path("Next").asText()), name + " catcher " + c));
    });
  }

  private static boolean isCallback(JsonNode task) {
    return task.path("Resource").asText().endsWith(".waitForTaskToken");
  }

  @Test
  @DisplayName("every catcher keeps the input: ResultPath $.error, or null for input that is no order at all")
  void catchersKeepTheInput() throws Exception {
    tasks().forEach((name, task) -> task.path("Catch").forEach(c -> {
      // An array or a string has no field to put the error in.
      boolean notAnOrder = c.path("ErrorEquals").toString().contains("NotAnOrderException");
      assertEquals(notAnOrder ? "null" : "$.error", c.path("ResultPath").asText(), name + " catcher " + c.path("ErrorEquals"));
    }));
  }

  @Test
  @DisplayName("business errors are caught, never retried")
  void businessErrorsAreNotRetried() throws Exception {
    tasks().forEach((name, task) -> {
      List<String> retried = errorsRetried(task);
      task.path("Catch").forEach(c -> c.path("ErrorEquals").forEach(e -> {
        // Business errors are this lesson's exceptions (whatever the package is renamed to).
        if (e.asText().startsWith(DefinitionRulesTest.class.getPackageName() + ".")) {
          assertFalse(retried.contains(e.asText()), name + " retries the business error " + e.asText());
        }
      }));
    });
  }

  @Test
  @DisplayName("compensations have no Catch: when even they fail, the execution fails where redrive can resume")
  void compensationsAreNotCaught() throws Exception {
    for (String name : COMPENSATIONS) {
      assertTrue(tasks().get(name).path("Catch").isMissingNode(), name);
    }
  }

  @Test
  @DisplayName("the jittered retrier is capped: backoff with MaxDelaySeconds and JitterStrategy FULL")
  void transientRetryIsCappedAndJittered() throws Exception {
    JsonNode warehouse = tasks().get("ReserveInventory").path("Retry").get(1);
    assertEquals("com.example.orders.fulfilment.WarehouseUnavailableException", warehouse.path("ErrorEquals").get(0).asText());
    assertTrue(warehouse.path("BackoffRate").asDouble() > 1);
    assertTrue(warehouse.has("MaxDelaySeconds"));
    assertEquals("FULL", warehouse.path("JitterStrategy").asText());
  }
}
