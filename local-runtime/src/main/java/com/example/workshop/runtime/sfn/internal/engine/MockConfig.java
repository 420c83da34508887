package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An AWS Step Functions Local MockConfigFile.json: StateMachines → TestCases → state → mocked
 * response name; MockedResponses → name → {"0": {...}, "1-2": {...}} with Return or Throw, as
 * Step Functions Local reads it (for a callback or {@code .sync} task, Return is its result at
 * once). local-runtime adds Submitted: the service's response when a callback or {@code .sync}
 * task is submitted (TaskSubmitted); alone, the task then waits for its token; with Return or
 * Throw, it then ends that way.
 */
public final class MockConfig {
  /**
   * One mocked invocation: a Return (value, its JSON text and size, kept for every use), a Throw
   * (error, cause) or neither (only Submitted: the task waits for its token); {@code submitted}:
   * the TaskSubmitted output, or null.
   */
  record Response(JsonNode value, String text, int bytes, boolean isThrow, String error,
      String cause, JsonNode submitted) {
    /** Only Submitted: the outcome comes from the task token (or its timers). */
    boolean waits() {
      return value == null && !isThrow;
    }
  }

  private record Range(int from, int to, Response response) {}

  private final JsonNode stateMachines;
  private final Map<String, List<Range>> responses = new HashMap<>();
  private final String source;

  private MockConfig(JsonNode root, String source) {
    this.source = source;
    this.stateMachines = root.path("StateMachines");
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("MockedResponses").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      List<Range> ranges = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> r = e.getValue().fields(); r.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = r.next();
        String key = entry.getKey().trim();
        int from;
        int to;
        try {
          int dash = key.indexOf('-');
          from = Integer.parseInt(dash < 0 ? key : key.substring(0, dash).trim());
          to = dash < 0 ? from : Integer.parseInt(key.substring(dash + 1).trim());
        } catch (NumberFormatException ex) {
          throw new IllegalArgumentException(source + ": MockedResponses." + e.getKey()
              + ": invocation key '" + key + "' must be a number like \"0\" or a range like \"1-2\"");
        }
        if (from > to) {
          throw new IllegalArgumentException(source + ": MockedResponses." + e.getKey()
              + ": invocation range '" + key + "' ends before it starts; write it as \"" + to + "-"
              + from + "\"");
        }
        ranges.add(new Range(from, to, response(entry.getValue(), e.getKey() + "." + key)));
      }
      ranges.sort((a, b) -> Integer.compare(a.from, b.from));
      responses.put(e.getKey(), ranges);
    }
  }

  private Response response(JsonNode body, String where) {
    JsonNode submitted = body.get("Submitted");
    if (body.has("Return") && body.has("Throw")) {
      throw new IllegalArgumentException(source + ": MockedResponses." + where
          + " has both \"Return\" and \"Throw\"; a mocked invocation either returns or throws,"
          + " so keep one");
    }
    if (body.has("Return")) {
      String text = Json.text(body.get("Return"));
      return new Response(body.get("Return"), text,
          text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, false, null, null,
          submitted);
    }
    if (body.has("Throw")) {
      JsonNode t = body.get("Throw");
      return new Response(null, null, 0, true, t.path("Error").asText(null),
          t.path("Cause").asText(null), submitted);
    }
    if (submitted != null) {
      return new Response(null, null, 0, false, null, null, submitted);
    }
    throw new IllegalArgumentException(source + ": MockedResponses." + where
        + " needs \"Return\" or \"Throw\" (or \"Submitted\" for a task that waits for its token)");
  }

  public static MockConfig read(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read mock config " + file + ": " + e.getMessage());
    }
  }

  public static MockConfig parse(String json, String source) {
    JsonNode root;
    try {
      root = Json.parse(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + " is not valid JSON: " + e.getMessage());
    }
    return new MockConfig(root, source);
  }

  /** State name → mocked response name for one test case; fails clearly when it is missing. */
  public Map<String, String> testCase(String stateMachineName, String testCase) {
    return testCases.computeIfAbsent(stateMachineName, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(testCase, k -> readTestCase(stateMachineName, testCase));
  }

  /** State machine name → test case → state → response name, read on first use. */
  private final Map<String, Map<String, Map<String, String>>> testCases = new ConcurrentHashMap<>();

  private Map<String, String> readTestCase(String stateMachineName, String testCase) {
    JsonNode machine = stateMachines.get(stateMachineName);
    if (machine == null) {
      throw new IllegalArgumentException(source + " has no state machine named '"
          + stateMachineName + "' under StateMachines (start with a matching state machine name)");
    }
    JsonNode tc = machine.path("TestCases").get(testCase);
    if (tc == null) {
      throw new IllegalArgumentException(source + " has no test case '" + testCase
          + "' for state machine '" + stateMachineName + "'");
    }
    Map<String, String> map = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = tc.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getValue().asText();
      if (!responses.containsKey(name)) {
        throw new IllegalArgumentException(source + ": test case '" + testCase + "' maps state '"
            + e.getKey() + "' to '" + name + "', which is not under MockedResponses");
      }
      map.put(e.getKey(), name);
    }
    return Map.copyOf(map);
  }

  /**
   * The response for the zero-based invocation number of a state within one execution; past the
   * last key the last response repeats.
   */
  Response response(String name, int invocation) {
    List<Range> ranges = responses.get(name);
    for (Range r : ranges) {
      if (invocation >= r.from && invocation <= r.to) {
        return r.response;
      }
    }
    return ranges.get(ranges.size() - 1).response;
  }
}
