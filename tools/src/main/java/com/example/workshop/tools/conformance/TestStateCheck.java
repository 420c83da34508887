package com.example.workshop.tools.conformance;

import com.example.workshop.runtime.sfn.LocalStepFunctions;
import com.example.workshop.runtime.sfn.StepFunctionsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A TestState case ({@code test_state/}): the recorded request is sent, as AWS's JSON body, to
 * {@link LocalStepFunctions#testStateJson} in the recording's account and region with the file's
 * Lambda functions as fakes; the response must match the recorded one field by field (status,
 * output, error, cause, nextState and every inspectionData field, none more, none less), or the
 * refusal the recorded error: same error name, same message.
 */
final class TestStateCheck implements CaseCheck {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** Request fields the recording stored parsed (or as {@code <field>_string}): JSON text in the API. */
  private static final List<String> JSON_TEXT_FIELDS = List.of("input", "variables", "context");

  @Override
  public String check(VectorFile file, JsonNode c) {
    LocalStepFunctions.Builder engine = LocalStepFunctions.builder()
        .accountId(ExecutionCheck.ACCOUNT).region(ExecutionCheck.REGION).randomSeed(7)
        .clock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
    LambdaFakes.bind(engine, file.doc().path("lambdas"));
    String response;
    try {
      response = engine.build().testStateJson(request(c).toString());
    } catch (StepFunctionsException e) {
      return refusal(c, e);
    }
    if (!c.has("expected_response")) {
      return "answered " + response + ", expected " + c.path("expected_error");
    }
    return compare(c.get("expected_response"), parse(response));
  }

  /** The recorded request as AWS's JSON body: the fields the recorder parsed back to JSON text. */
  private static ObjectNode request(JsonNode c) {
    ObjectNode request = ((ObjectNode) c.get("request")).deepCopy();
    request.put("definition", c.get("definition").toString());
    for (String field : JSON_TEXT_FIELDS) {
      if (request.has(field + "_string")) {
        request.set(field, request.remove(field + "_string"));
      } else if (request.has(field)) {
        request.put(field, request.get(field).toString());
      }
    }
    return request;
  }

  private static String refusal(JsonNode c, StepFunctionsException e) {
    JsonNode want = c.get("expected_error");
    if (want == null) {
      return "refused with " + e + ", expected " + c.path("expected_response");
    }
    String wantCode = want.path("code").asText();
    String wantMessage = want.path("message").asText();
    return wantCode.equals(e.errorCode()) && wantMessage.equals(e.getMessage()) ? null
        : "refused with " + e + ", expected " + wantCode + ": " + wantMessage;
  }

  /** Every field of the recorded response, and no other, with the same value. */
  private static String compare(JsonNode want, JsonNode got) {
    String fields = sameFields("response", want, got);
    if (fields != null) {
      return fields;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      if (name.equals("inspectionData")) {
        String data = inspectionData(e.getValue(), got.get(name));
        if (data != null) {
          return data;
        }
      } else if (!same(e.getValue(), got.get(name))) {
        return name + " " + got.get(name) + ", expected " + e.getValue();
      }
    }
    return null;
  }

  private static String inspectionData(JsonNode want, JsonNode got) {
    String fields = sameFields("inspectionData", want, got);
    if (fields != null) {
      return fields;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode actual = got.get(e.getKey());
      boolean same = e.getValue().isContainerNode() && actual.isContainerNode()
          ? Expected.matches(e.getValue(), actual) : same(e.getValue(), actual);
      if (!same) {
        return "inspectionData." + e.getKey() + " " + actual + ", expected " + e.getValue();
      }
    }
    return null;
  }

  private static String sameFields(String what, JsonNode want, JsonNode got) {
    TreeSet<String> wanted = new TreeSet<>();
    want.fieldNames().forEachRemaining(wanted::add);
    TreeSet<String> present = new TreeSet<>();
    got.fieldNames().forEachRemaining(present::add);
    return wanted.equals(present) ? null
        : what + " fields " + present + ", expected " + wanted + " (response " + got + ")";
  }

  /**
   * A recorded value against the JSON text (or number) AWS sent: the recorder parsed text that
   * starts with '{', so such values compare as JSON; other text compares as text (JSON by value).
   */
  private static boolean same(JsonNode want, JsonNode got) {
    if (got == null) {
      return false;
    }
    if (!got.isTextual()) {
      return Expected.matches(want, got);
    }
    if (want.isTextual()) {
      return Expected.matches(want, got);
    }
    JsonNode parsed = Expected.parseOrNull(got.asText());
    return parsed != null && Expected.matches(want, parsed)
        || Expected.matches(want, TextNode.valueOf(got.asText()));
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
