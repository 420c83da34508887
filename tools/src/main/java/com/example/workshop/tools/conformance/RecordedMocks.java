package com.example.workshop.tools.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * A case's recorded service answers ({@code mocks}: per state, one entry per invocation) as an AWS
 * Step Functions Local mock file with one test case: {@code Return} and {@code Throw} as they are,
 * {@code Submitted} for the TaskSubmitted of a callback or .sync task (alone, the task then waits
 * for its token: the case's {@code callbacks} answer it, or its timers end it), {@code TimedOut}
 * without a submission as a States.Timeout thrown at the task's limit.
 */
final class RecordedMocks {
  static final String TEST_CASE = "Recorded";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RecordedMocks() {}

  /** Writes the mock file for {@code machineName} to a temporary file (deleted on exit). */
  static Path write(String machineName, JsonNode mocks) {
    ObjectNode file = MAPPER.createObjectNode();
    ObjectNode testCase = file.putObject("StateMachines").putObject(machineName)
        .putObject("TestCases").putObject(TEST_CASE);
    ObjectNode responses = file.putObject("MockedResponses");
    for (Iterator<Map.Entry<String, JsonNode>> it = mocks.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> state = it.next();
      testCase.put(state.getKey(), state.getKey());
      ObjectNode byInvocation = responses.putObject(state.getKey());
      int i = 0;
      for (JsonNode invocation : state.getValue()) {
        byInvocation.set(String.valueOf(i++), response(invocation));
      }
    }
    try {
      Path path = Files.createTempFile("conformance-mocks", ".json");
      path.toFile().deleteOnExit();
      Files.writeString(path, MAPPER.writeValueAsString(file));
      return path;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode response(JsonNode invocation) {
    ObjectNode r = MAPPER.createObjectNode();
    if (invocation.has("Submitted")) {
      r.set("Submitted", invocation.get("Submitted"));
    }
    if (invocation.has("Return")) {
      r.set("Return", invocation.get("Return"));
    } else if (invocation.has("Throw")) {
      r.set("Throw", error(invocation.get("Throw")));
    } else if (invocation.has("TimedOut") && !invocation.has("Submitted")) {
      r.set("Throw", error(invocation.get("TimedOut")));
    } else if (!invocation.has("Submitted")) {
      throw new CannotReplay("a recorded invocation without an outcome: " + invocation);
    }
    return r;
  }

  /** {@code {Error, Cause}}; a Cause the recorder parsed (AWS's text was JSON) is text again. */
  private static ObjectNode error(JsonNode recorded) {
    ObjectNode e = MAPPER.createObjectNode();
    if (recorded.has("Error")) {
      e.set("Error", recorded.get("Error"));
    }
    JsonNode cause = recorded.get("Cause");
    if (cause != null) {
      e.put("Cause", cause.isTextual() ? cause.asText() : cause.toString());
    }
    return e;
  }
}
