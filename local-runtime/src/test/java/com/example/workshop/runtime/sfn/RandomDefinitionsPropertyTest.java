package com.example.workshop.runtime.sfn;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Property: random definitions and inputs end either in a Diagnostic (invalid definition) or in a
 * terminal execution whose error is a States.* name or one the definition itself raises — never
 * in an internal exception. Bounded and deterministic (fixed seed).
 */
class RandomDefinitionsPropertyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int DEFINITIONS = 400;
  private static final Set<String> USER_ERRORS = Set.of("OrderFailed", "CardDeclined", "o-1");
  private static final List<String> PATHS = List.of("$", "$.orderId", "$.amount", "$.items",
      "$seen", "$fixed",
      "$.missing", "$.items[0]", "$.items[*].sku", "$$.Execution.Input", "$$.State.Name",
      "$.customer.id", "$.a.b.c");
  private static final List<String> VALUES = List.of("States.Format('o-{}', $.orderId)",
      "States.MathAdd($.amount, 1)", "States.ArrayLength($.items)", "States.JsonToString($)",
      "States.StringToJson($.orderId)", "States.ArrayGetItem($.items, 5)", "States.UUID()",
      "States.Hash($.orderId, 'SHA-256')", "States.Array($.amount, $.missing)");
  private static final List<String> INPUTS = List.of("{}", "{\"orderId\":\"o-1\",\"amount\":12,"
      + "\"items\":[{\"sku\":\"a\"},{\"sku\":\"b\"}],\"customer\":{\"id\":\"c-1\"}}",
      "{\"orderId\":7,\"amount\":\"12\",\"items\":\"none\"}", "[1,2,3]", "\"text\"", "42",
      "null", "{\"items\":[],\"amount\":-1.5,\"n\":3,\"ts\":\"2026-01-15T10:00:05Z\"}");

  private final Random random = new Random(20261127L);

  @Test
  @DisplayName("random definitions end in a diagnostic or a States.* error, never an internal one")
  void randomDefinitionsNeverEndInAnInternalError() {
    int executed = 0;
    for (int i = 0; i < DEFINITIONS; i++) {
      String definition = definition().toString();
      StateMachine machine;
      try {
        machine = StateMachine.parse(definition, Map.of());
      } catch (DefinitionException e) {
        assertFalse(e.diagnostics().isEmpty(), definition);
        continue;
      }
      executed++;
      String input = pick(INPUTS);
      Execution ex = EngineTestSupport.engine()
          .function("Charge", event -> {
            if (event.contains("\"c-1\"")) {
              throw new LambdaFunctionError("CardDeclined", "declined");
            }
            return event;
          }).build().start(machine, input);
      assertNotEquals(ExecutionStatus.RUNNING, ex.status(), definition);
      if (ex.status() != ExecutionStatus.SUCCEEDED) {
        String error = ex.error();
        assertTrue(error == null || error.startsWith("States.") || error.startsWith("Lambda.")
            || USER_ERRORS.contains(error), "unexpected error " + error + " for " + definition);
        assertTrue(ex.cause() == null || !ex.cause().startsWith("Internal error"),
            ex.cause() + "\n" + definition + "\ninput " + input);
      }
    }
    assertTrue(executed > DEFINITIONS / 10, "too few valid definitions generated: " + executed);
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private ObjectNode definition() {
    ObjectNode def = JSON.createObjectNode();
    int n = 1 + random.nextInt(5);
    def.put("StartAt", "S0");
    if (random.nextInt(10) == 0) {
      def.put("TimeoutSeconds", 1 + random.nextInt(30));
    }
    def.set("States", states(n, 0));
    return def;
  }

  private ObjectNode states(int n, int depth) {
    ObjectNode states = JSON.createObjectNode();
    String prefix = depth == 0 ? "S" : "N" + depth + "x" + random.nextInt(1000) + "_";
    for (int i = 0; i < n; i++) {
      states.set((depth == 0 ? "S" : prefix) + i, state(n, i, depth, prefix));
    }
    if (depth > 0) {
      // nested scopes start at their first state
      ObjectNode scope = JSON.createObjectNode();
      scope.put("StartAt", prefix + 0);
      scope.set("States", states);
      return scope;
    }
    return states;
  }

  private ObjectNode state(int n, int i, int depth, String prefix) {
    String name = depth == 0 ? "S" : prefix;
    String[] types = {"Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map"};
    String type = types[random.nextInt(depth >= 2 ? 6 : types.length)];
    ObjectNode s = JSON.createObjectNode();
    s.put("Type", type);
    String next = name + random.nextInt(n);
    boolean end = i == n - 1 || random.nextInt(3) == 0;
    if (!type.equals("Choice") && !type.equals("Succeed") && !type.equals("Fail")) {
      if (end) {
        s.put("End", true);
      } else {
        s.put("Next", next);
      }
      if (random.nextInt(4) == 0) {
        maybePath(s, "InputPath");
      }
      if (random.nextInt(4) == 0) {
        maybePath(s, "OutputPath");
      }
    }
    if (random.nextInt(4) == 0 && !type.equals("Succeed") && !type.equals("Fail")) {
      ObjectNode assign = s.putObject("Assign");
      assign.put("seen.$", pick(List.of("$", "$.orderId", "$.missing", "$seen", "$$.State.Name",
          "States.ArrayLength($.items)")));
      assign.put("fixed", random.nextInt(5));
    }
    switch (type) {
      case "Pass" -> {
        if (random.nextBoolean()) {
          s.set("Parameters", parameters());
        } else if (random.nextBoolean()) {
          s.put("Result", "r" + random.nextInt(3));
        }
        if (random.nextBoolean()) {
          s.put("ResultPath", pick(List.of("$.r", "$", "$.items[0]", "$.customer.id")));
        }
      }
      case "Task" -> {
        if (random.nextBoolean()) {
          s.put("Resource", "arn:aws:lambda:us-east-1:123456789012:function:"
              + pick(List.of("Charge", "Unbound")));
        } else {
          s.put("Resource", pick(List.of("arn:aws:states:::lambda:invoke",
              "arn:aws:states:::sqs:sendMessage")));
          ObjectNode p = s.putObject("Parameters");
          p.put("FunctionName", "Charge");
          p.put("Payload.$", pick(PATHS.subList(0, 5)));
        }
        if (random.nextBoolean()) {
          ArrayNode retry = s.putArray("Retry");
          ObjectNode r = retry.addObject();
          r.putArray("ErrorEquals").add(pick(List.of("States.ALL", "CardDeclined",
              "States.TaskFailed")));
          r.put("MaxAttempts", random.nextInt(3));
          r.put("IntervalSeconds", 1 + random.nextInt(3));
          if (random.nextBoolean()) {
            r.put("JitterStrategy", "FULL");
          }
        }
        if (random.nextBoolean()) {
          ObjectNode c = s.putArray("Catch").addObject();
          c.putArray("ErrorEquals").add(pick(List.of("States.ALL", "CardDeclined")));
          c.put("Next", next);
          if (random.nextBoolean()) {
            c.put("ResultPath", "$.error");
          }
        }
        if (random.nextBoolean()) {
          s.put("ResultPath", pick(List.of("$.charge", "$", "$.orderId.x")));
        }
        if (random.nextInt(4) == 0) {
          s.set("ResultSelector", parameters());
        }
      }
      case "Choice" -> {
        ArrayNode choices = s.putArray("Choices");
        ObjectNode rule = choices.addObject();
        rule.put("Variable", pick(PATHS));
        switch (random.nextInt(4)) {
          case 0 -> rule.put("NumericGreaterThan", random.nextInt(20));
          case 1 -> rule.put("StringEquals", "o-1");
          case 2 -> rule.put("IsPresent", true);
          default -> rule.put("StringMatches", "o-*");
        }
        rule.put("Next", next);
        if (random.nextBoolean()) {
          s.put("Default", name + random.nextInt(n));
        }
      }
      case "Wait" -> {
        switch (random.nextInt(4)) {
          case 0 -> s.put("Seconds", random.nextInt(100));
          case 1 -> s.put("SecondsPath", pick(List.of("$.n", "$.amount", "$.orderId")));
          case 2 -> s.put("Timestamp", "2026-01-15T10:00:0" + random.nextInt(10) + "Z");
          default -> s.put("TimestampPath", pick(List.of("$.ts", "$.orderId")));
        }
      }
      case "Fail" -> {
        if (random.nextBoolean()) {
          s.put("Error", "OrderFailed");
        } else if (random.nextBoolean()) {
          s.put("ErrorPath", pick(List.of("$.orderId", "$.missing",
              "States.Format('OrderFailed')")));
        }
        if (random.nextBoolean()) {
          s.put("CausePath", pick(List.of("$.orderId", "$$.State.Name")));
        }
      }
      case "Parallel" -> {
        ArrayNode branches = s.putArray("Branches");
        for (int b = 0; b < 1 + random.nextInt(2); b++) {
          branches.add(states(1 + random.nextInt(2), depth + 1));
        }
      }
      case "Map" -> {
        s.put("ItemsPath", pick(List.of("$.items", "$", "$.orderId")));
        s.set("ItemProcessor", states(1 + random.nextInt(2), depth + 1));
        if (random.nextBoolean()) {
          ObjectNode sel = s.putObject("ItemSelector");
          sel.put("index.$", "$$.Map.Item.Index");
          sel.put("value.$", "$$.Map.Item.Value");
        }
        if (random.nextBoolean()) {
          s.put("MaxConcurrencyPath", pick(List.of("$.n", "$.orderId")));
        }
      }
      default -> { }
    }
    return s;
  }

  private void maybePath(ObjectNode s, String field) {
    if (random.nextInt(5) == 0) {
      s.putNull(field);
    } else {
      s.put(field, pick(PATHS));
    }
  }

  private JsonNode parameters() {
    ObjectNode p = JSON.createObjectNode();
    p.put("fixed", "v");
    p.put("path.$", pick(PATHS));
    if (random.nextBoolean()) {
      p.put("fn.$", pick(VALUES));
    }
    return p;
  }
}
