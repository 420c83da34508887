package com.example.workshop.runtime.sfn;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fidelity evidence for JsonPaths, Intrinsics and ChoiceRule against AWS recordings in the shared
 * conformance vectors, before the engine exists. Cases whose machines use only JSONPath-mode Pass /
 * Choice / Succeed / Fail states are run by {@link MiniFlow}, a deliberately small interpreter of
 * just those states; anything else (Task, Map, JSONata, placeholders) is skipped. The vectors stay
 * outside the project: the directory comes from {@code -Dconformance.dir}, else {@code
 * ../../shared/conformance}, else {@code /work/shared/conformance}.
 */
class ExpressionConformanceTest {
  private static final String[] GROUPS = {"intrinsic", "choice_operators", "choice", "io"};

  /** group -> {evaluable, passed, total}; printed once so the numbers land in the build log. */
  private static final Map<String, int[]> TALLY =
      new java.util.concurrent.ConcurrentSkipListMap<>();

  private static void tally(String group, int evaluable, int passed, int total) {
    int[] t = TALLY.computeIfAbsent(group, g -> new int[3]);
    synchronized (t) {
      t[0] += evaluable;
      t[1] += passed;
      t[2] += total;
    }
  }

  @org.junit.jupiter.api.AfterAll
  static void printTally() {
    if (TALLY.isEmpty()) {
      return;
    }
    StringBuilder line =
        new StringBuilder("Expression conformance (AWS-recorded, passed/evaluable/total):");
    TALLY.forEach(
        (g, t) ->
            line.append(' ')
                .append(g)
                .append(' ')
                .append(t[1])
                .append('/')
                .append(t[0])
                .append('/')
                .append(t[2]));
    System.out.println(line);
  }

  @TestFactory
  @DisplayName("AWS-recorded cases for intrinsics, choice operators and JSONPath data flow")
  Stream<DynamicNode> awsRecordedCases() throws IOException {
    Path dir = conformanceDir();
    Assumptions.assumeTrue(
        dir != null,
        "conformance vectors not found (set -Dconformance.dir or place them at"
            + " ../../shared/conformance or /work/shared/conformance); skipping");
    List<DynamicNode> tests = new ArrayList<>();
    for (String group : GROUPS) {
      Path groupDir = dir.resolve(group);
      if (!Files.isDirectory(groupDir)) {
        continue;
      }
      List<Path> files;
      try (Stream<Path> list = Files.list(groupDir)) {
        files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      }
      for (Path file : files) {
        JsonNode doc = GoldenFiles.MAPPER.readTree(file.toFile());
        for (JsonNode c : doc.path("cases")) {
          String why = notEvaluable(c.get("definition"));
          String name = group + "/" + file.getFileName() + " " + c.path("id").asText();
          tests.add(
              DynamicTest.dynamicTest(
                  name,
                  () -> {
                    tally(group, why == null ? 1 : 0, 0, 1);
                    Assumptions.assumeTrue(why == null, "not evaluable without the engine: " + why);
                    check(c);
                    tally(group, 0, 1, 0);
                  }));
        }
      }
    }
    return tests.stream();
  }

  @TestFactory
  @DisplayName("AWS-recorded timestamp and intrinsic-syntax verdicts")
  Stream<DynamicNode> awsRecordedVerdicts() throws IOException {
    Path dir = conformanceDir();
    Assumptions.assumeTrue(dir != null, "conformance vectors not found; skipping");
    List<DynamicNode> tests = new ArrayList<>();
    // Wait TimestampPath / JSONata Timestamp: accepted exactly when AWS's parser accepts it.
    for (String file :
        List.of("wait/wait_timestamp_path_scenarios.json", "wait/wait_timestamp_jsonata.json")) {
      Path path = dir.resolve(file);
      if (!Files.exists(path)) {
        continue;
      }
      for (JsonNode c : GoldenFiles.MAPPER.readTree(path.toFile()).path("cases")) {
        String value = c.path("input").path("TimestampValue").asText();
        boolean accepted = c.path("expected").path("status").asText().equals("SUCCEEDED");
        tests.add(
            DynamicTest.dynamicTest(
                file + " " + c.path("id").asText(),
                () ->
                    assertTrue(
                        (ChoiceRule.timestamp(value) != null) == accepted,
                        value + " accepted by AWS: " + accepted)));
      }
    }
    // CreateStateMachine verdicts on Wait Timestamp literals and intrinsic escapes.
    Path validation = dir.resolve("validation/definition_validation.json");
    if (Files.exists(validation)) {
      for (JsonNode c : GoldenFiles.MAPPER.readTree(validation.toFile()).path("cases")) {
        String id = c.path("id").asText();
        JsonNode definition = c.path("definition");
        if (id.startsWith("test_wait_timestamp_invalid")) {
          String literal = definition.path("States").path("WaitUntil").path("Timestamp").asText();
          tests.add(
              DynamicTest.dynamicTest(
                  "validation " + id,
                  () ->
                      assertTrue(
                          ChoiceRule.timestamp(literal) == null, literal + " must be rejected")));
        } else if (id.startsWith("test_illegal_escapes")) {
          String expression =
              definition
                  .path("States")
                  .path("IntrinsicEscape")
                  .path("Parameters")
                  .path("parsed.$")
                  .asText();
          tests.add(
              DynamicTest.dynamicTest(
                  "validation " + id,
                  () ->
                      org.junit.jupiter.api.Assertions.assertThrows(
                          IllegalArgumentException.class,
                          () -> Intrinsics.checkSyntax(expression))));
        }
      }
    }
    return tests.stream();
  }

  static Path conformanceDir() {
    String property = System.getProperty("conformance.dir");
    List<Path> candidates = new ArrayList<>();
    if (property != null && !property.isBlank()) {
      candidates.add(Path.of(property));
    }
    candidates.add(Path.of("../../shared/conformance"));
    candidates.add(Path.of("/work/shared/conformance"));
    for (Path p : candidates) {
      if (Files.isDirectory(p.resolve("intrinsic"))) {
        return p;
      }
    }
    return null;
  }

  /** Null when MiniFlow can run the machine, else the reason it cannot. */
  private static String notEvaluable(JsonNode definition) {
    if (definition == null) {
      return "no definition";
    }
    if (definition.toString().matches("(?s).*%[A-Z_]+%.*")) {
      return "template placeholder left in the definition";
    }
    if (definition.has("QueryLanguage")) {
      return "JSONata";
    }
    for (JsonNode state : definition.path("States")) {
      String type = state.path("Type").asText();
      if (!List.of("Pass", "Choice", "Succeed", "Fail").contains(type)) {
        return type + " state";
      }
      if (state.has("QueryLanguage") || state.has("Assign")) {
        return "JSONata or variables";
      }
    }
    return null;
  }

  private static void check(JsonNode c) {
    JsonNode expected = c.get("expected");
    MiniFlow.Outcome outcome = new MiniFlow(c.get("definition")).run(c.get("input"));
    String status = expected.path("status").asText();
    if (status.equals("SUCCEEDED")) {
      if (outcome.error() != null) {
        fail(
            "expected SUCCEEDED with "
                + expected.get("output")
                + " but failed: "
                + outcome.error()
                + ": "
                + outcome.cause());
      }
      assertTrue(
          same(expected.get("output"), outcome.output()),
          "expected output "
              + clip(expected.get("output"))
              + "\n  but got "
              + clip(outcome.output()));
    } else {
      if (outcome.error() == null) {
        fail(
            "expected "
                + status
                + " "
                + clip(expected)
                + " but succeeded with "
                + clip(outcome.output()));
      }
      if (expected.has("error")) {
        assertTrue(
            expected.get("error").asText().equals(outcome.error()),
            "error: expected " + expected.get("error") + " got " + outcome.error());
      }
      if (expected.has("cause")) {
        String pattern = wildcardPattern(expected.get("cause").asText());
        assertTrue(
            outcome.cause() != null && outcome.cause().matches(pattern),
            "cause: expected " + expected.get("cause") + "\n  got " + outcome.cause());
      }
    }
  }

  /** Keeps failure messages readable when a case carries a large payload. */
  private static String clip(JsonNode node) {
    String text = String.valueOf(node);
    return text.length() <= 500
        ? text
        : text.substring(0, 500) + "... (" + text.length() + " chars)";
  }

  private static final Pattern WILDCARD_TEXT =
      Pattern.compile(
          "RandomNumberGenerated|generated-uuid|<uuid:\\d+>|start-time|entered-time"
              + "|date|timestamp");

  /** JSON value equality with AWS-recording wildcards; 1 equals 1.0; key order is ignored. */
  static boolean same(JsonNode expected, JsonNode actual) {
    if (expected == null || actual == null) {
      return expected == actual;
    }
    if (expected.isTextual() && WILDCARD_TEXT.matcher(expected.textValue()).matches()) {
      return true;
    }
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    if (expected.isObject() && actual.isObject()) {
      if (expected.size() != actual.size()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!same(e.getValue(), actual.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        return false;
      }
      for (int i = 0; i < expected.size(); i++) {
        if (!same(expected.get(i), actual.get(i))) {
          return false;
        }
      }
      return true;
    }
    return expected.equals(actual);
  }

  private static String wildcardPattern(String cause) {
    StringBuilder out = new StringBuilder();
    java.util.regex.Matcher m = Pattern.compile("<json-input:\\d+>|<request_id>").matcher(cause);
    int last = 0;
    while (m.find()) {
      out.append(Pattern.quote(cause.substring(last, m.start()))).append("(?s).*");
      last = m.end();
    }
    return out.append(Pattern.quote(cause.substring(last))).toString();
  }

  /**
   * Just enough of a JSONPath-mode interpreter to drive the expression classes: Pass (InputPath,
   * Parameters, Result, ResultPath, OutputPath), Choice, Succeed and Fail.
   */
  static final class MiniFlow {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MACHINE = "<ArnPart_0idx>";
    private static final String EXECUTION = "<ExecArnPart_0idx>";
    private final JsonNode definition;

    record Outcome(JsonNode output, String error, String cause) {}

    MiniFlow(JsonNode definition) {
      this.definition = definition;
    }

    Outcome run(JsonNode input) {
      ObjectNode context = NODES.objectNode();
      ObjectNode execution = context.putObject("Execution");
      execution.put(
          "Id", "arn:aws:states:us-east-1:111111111111:execution:" + MACHINE + ":" + EXECUTION);
      execution.set("Input", input);
      execution.put("StartTime", "2026-11-27T00:00:00.000Z");
      execution.put("Name", EXECUTION);
      execution.put("RoleArn", "snf_role_arn");
      execution.put("RedriveCount", 0);
      ObjectNode machine = context.putObject("StateMachine");
      machine.put("Id", "arn:aws:states:us-east-1:111111111111:stateMachine:" + MACHINE);
      machine.put("Name", MACHINE);

      String name = definition.get("StartAt").asText();
      JsonNode data = input;
      long eventId = 1;
      for (int steps = 0; steps < 100; steps++) {
        JsonNode state = definition.get("States").get(name);
        long entered = ++eventId;
        // A fresh Context object per state: earlier results may share nodes with the old one.
        context = context.deepCopy();
        ObjectNode stateContext = context.putObject("State");
        stateContext.put("Name", name);
        stateContext.put("EnteredTime", "2026-11-27T00:00:00.000Z");
        String prefix =
            "An error occurred while executing the state '"
                + name
                + "' (entered at the event id #"
                + entered
                + "). ";
        try {
          String type = state.get("Type").asText();
          if (type.equals("Fail")) {
            String error = failField(state, "Error", data, context);
            String cause = failField(state, "Cause", data, context);
            return new Outcome(null, error, cause);
          }
          JsonNode effective = path(state, "InputPath", data, context);
          String next;
          JsonNode output;
          if (type.equals("Choice")) {
            next = null;
            for (JsonNode r : state.get("Choices")) {
              ChoiceRule rule = ChoiceRule.parse(r);
              if (rule.matches(effective, context)) {
                next = rule.next();
                break;
              }
            }
            if (next == null) {
              next = state.path("Default").asText(null);
              if (next == null) {
                return new Outcome(null, "States.NoChoiceMatched", "No Matches!");
              }
            }
            output = path(state, "OutputPath", effective, context);
          } else {
            if (state.has("Parameters")) {
              effective = template(state.get("Parameters"), effective, context);
            }
            JsonNode result =
                type.equals("Pass") && state.has("Result") ? state.get("Result") : effective;
            JsonNode merged = data;
            if (state.has("ResultPath") && state.get("ResultPath").isNull()) {
              merged = data;
            } else {
              merged = JsonPaths.set(data, state.path("ResultPath").asText("$"), result);
            }
            output = path(state, "OutputPath", merged, context);
            next = state.path("Next").asText(null);
          }
          eventId++;
          data = output;
          if (next == null || state.path("End").asBoolean(false) || type.equals("Succeed")) {
            return new Outcome(data, null, null);
          }
          name = next;
        } catch (JsonPaths.PathNotFound e) {
          return new Outcome(null, "States.Runtime", prefix + e.getMessage());
        } catch (FieldPathMiss e) {
          return new Outcome(null, "States.Runtime", prefix + e.getMessage());
        } catch (StatesError e) {
          return new Outcome(
              null, e.error(), e.error().equals("States.Runtime") ? prefix + e.cause() : e.cause());
        }
      }
      throw new IllegalStateException("more than 100 transitions");
    }

    private static JsonNode path(JsonNode state, String field, JsonNode data, JsonNode context) {
      if (!state.has(field)) {
        return data;
      }
      if (state.get(field).isNull()) {
        return NODES.objectNode();
      }
      return JsonPaths.readWithContext(data, context, state.get(field).asText());
    }

    private static String failField(JsonNode state, String field, JsonNode data, JsonNode ctx) {
      if (state.has(field)) {
        return state.get(field).asText();
      }
      if (!state.has(field + "Path")) {
        return null;
      }
      JsonNode v = value(state.get(field + "Path").asText(), field + "Path", data, ctx);
      return v.isTextual() ? v.textValue() : v.toString();
    }

    private static JsonNode template(JsonNode template, JsonNode input, JsonNode context) {
      if (template.isObject()) {
        ObjectNode out = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          String key = e.getKey();
          if (key.endsWith(".$") && e.getValue().isTextual()) {
            out.set(
                key.substring(0, key.length() - 2),
                value(e.getValue().textValue(), key, input, context));
          } else {
            out.set(key, template(e.getValue(), input, context));
          }
        }
        return out;
      }
      if (template.isArray()) {
        var out = NODES.arrayNode();
        template.forEach(item -> out.add(template(item, input, context)));
        return out;
      }
      return template;
    }

    private static JsonNode value(String expr, String field, JsonNode input, JsonNode context) {
      try {
        if (expr.startsWith("$")) {
          return JsonPaths.readWithContext(input, context, expr);
        }
        return Intrinsics.evaluate(expr, input, context, Map.of(), new Random(0));
      } catch (JsonPaths.PathNotFound e) {
        throw new FieldPathMiss(
            "The JSONPath '"
                + expr
                + "' specified for the field '"
                + field
                + "' could not be found in the input '"
                + input
                + "'");
      }
    }

    /** A payload-template / ErrorPath / CausePath miss, reported with the field name. */
    private static final class FieldPathMiss extends RuntimeException {
      FieldPathMiss(String message) {
        super(message, null, false, false);
      }
    }
  }
}
