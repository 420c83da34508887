package com.example.workshop.runtime.sfn;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever the text, validation answers with diagnostics (never an internal
 * exception), every diagnostic has a code and a message, and every definition that passes can be
 * drawn. Seeded, so a failure reproduces.
 */
class DefinitionFuzzTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> KEYS = List.of("Type", "Next", "End", "StartAt", "States",
      "Choices", "Default", "Variable", "NumericEquals", "StringMatches", "TimestampEquals", "And",
      "Not", "Branches", "ItemProcessor", "Iterator", "Retry", "Catch", "ErrorEquals",
      "BackoffRate", "MaxAttempts", "Seconds", "Timestamp", "SecondsPath", "Resource",
      "Parameters", "a.$", "ResultPath", "InputPath", "Error", "ErrorPath", "QueryLanguage",
      "Condition", "Output", "TimeoutSeconds", "HeartbeatSeconds", "ProcessorConfig", "Mode");
  private static final List<String> STRINGS = List.of("Pass", "Task", "Choice", "Wait",
      "Succeed", "Fail", "Parallel", "Map", "A", "B", "C", "$", "$.orderId", "$$.Execution.Id",
      "$.items[", "States.ALL", "States.Format('{}', $.a)", "States.Array(", "JSONata",
      "JSONPath", "{% $states.input %}", "2026-11-27T10:00:00Z", "arn:aws:states:::lambda:invoke",
      "", "${Missing}", "\\", "'", "\"");

  private final Random random = new Random(20261127L);

  @Test
  @DisplayName("random ASL-shaped trees give diagnostics, never exceptions")
  void randomTrees() throws IOException {
    int valid = 0;
    for (int i = 0; i < 2000; i++) {
      ObjectNode root = F.objectNode();
      root.put("StartAt", pick(List.of("A", "B", "C")));
      ObjectNode states = root.putObject("States");
      int n = 1 + random.nextInt(4);
      for (int s = 0; s < n; s++) {
        states.set(pick(List.of("A", "B", "C", "D")), randomState(3));
      }
      if (random.nextInt(5) == 0) {
        root.set(pick(KEYS), value(2));
      }
      valid += check(JSON.writeValueAsString(root)) ? 1 : 0;
    }
    assertTrue(valid > 0, "the generator should produce some valid machines too");
  }

  @Test
  @DisplayName("character-level damage to a real definition gives diagnostics, never exceptions")
  void damagedText() throws IOException {
    String order = Files.readString(Path.of("src/test/resources/mermaid/order-workflow.asl.json"));
    for (int i = 0; i < 1000; i++) {
      StringBuilder b = new StringBuilder(order);
      for (int k = 0; k < 1 + random.nextInt(3); k++) {
        int at = random.nextInt(b.length());
        switch (random.nextInt(3)) {
          case 0 -> b.deleteCharAt(at);
          case 1 -> b.insert(at, "{}[]\",:$\\ x1".charAt(random.nextInt(12)));
          default -> b.setCharAt(at, "{}[]\",:$\\ x1".charAt(random.nextInt(12)));
        }
      }
      check(b.toString());
    }
  }

  private boolean check(String text) {
    List<Diagnostic> found = assertDoesNotThrow(() -> StateMachine.validate(text, Map.of()), text);
    for (Diagnostic d : found) {
      assertFalse(d.code() == null || d.code().isEmpty() || d.message() == null, text);
    }
    if (found.isEmpty()) {
      StateMachine machine = assertDoesNotThrow(() -> StateMachine.parse(text, Map.of()), text);
      assertTrue(assertDoesNotThrow(() -> machine.toMermaid(), text).startsWith("flowchart TD\n"));
      return true;
    }
    return false;
  }

  private JsonNode randomState(int depth) {
    ObjectNode s = F.objectNode();
    s.put("Type", pick(List.of("Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel",
        "Map")));
    if (random.nextBoolean()) {
      s.put("End", true);
    } else {
      s.put("Next", pick(List.of("A", "B", "C", "D")));
    }
    int extra = random.nextInt(4);
    for (int i = 0; i < extra; i++) {
      s.set(pick(KEYS), value(depth));
    }
    if (depth > 0 && random.nextInt(4) == 0) {
      ObjectNode scope = F.objectNode();
      scope.put("StartAt", "I" + depth);
      scope.putObject("States").set("I" + depth, randomState(depth - 1));
      if (random.nextBoolean()) {
        s.set("ItemProcessor", scope);
      } else {
        s.putArray("Branches").add(scope);
      }
    }
    return s;
  }

  private JsonNode value(int depth) {
    switch (random.nextInt(depth > 0 ? 8 : 5)) {
      case 0: return F.textNode(pick(STRINGS));
      case 1: return F.numberNode(random.nextInt(7) - 2);
      case 2: return F.numberNode(random.nextDouble() * 3);
      case 3: return F.booleanNode(random.nextBoolean());
      case 4: return F.nullNode();
      case 5: {
        ArrayNode a = F.arrayNode();
        for (int i = random.nextInt(3); i > 0; i--) {
          a.add(value(depth - 1));
        }
        return a;
      }
      default: {
        ObjectNode o = F.objectNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          o.set(pick(KEYS), value(depth - 1));
        }
        return o;
      }
    }
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }
}
