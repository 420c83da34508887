package com.example.workshop.runtime.sfn;

import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/**
 * What TestState answers, field for field AWS's. Absent fields are null; JSON values ({@code
 * output} and the data-processing stages) are JSON text, as AWS returns them.
 *
 * @param status SUCCEEDED; FAILED; RETRIABLE (a Retry entry would run it again); CAUGHT_ERROR (a
 *     Catch entry took the error: {@code output} and {@code nextState} are the catcher's)
 * @param nextState the state it goes to (a Choice's pick, Next, a catcher's Next); null at the end
 * @param inspectionData at DEBUG and TRACE only
 */
public record TestStateResponse(Status status, String output, String error, String cause,
    String nextState, InspectionData inspectionData) {

  public enum Status { SUCCEEDED, FAILED, RETRIABLE, CAUGHT_ERROR }

  /**
   * Each stage of the state's input and output processing that AWS reports for its type (JSON
   * text), the variables after the state, a Map's evaluated limits and which Retry or Catch entry
   * handled an error.
   */
  public record InspectionData(String input, String afterArguments, String afterInputPath,
      String afterParameters, String result, String afterResultSelector, String afterResultPath,
      String variables, ErrorDetails errorDetails, String afterItemsPath, String afterItemSelector,
      Integer toleratedFailureCount, Float toleratedFailurePercentage, Integer maxConcurrency) {}

  /**
   * @param retryIndex the Retry entry whose ErrorEquals took the error
   * @param catchIndex the Catch entry that caught it
   * @param retryBackoffIntervalSeconds the wait before the retry (RETRIABLE only)
   */
  public record ErrorDetails(Integer catchIndex, Integer retryIndex,
      Integer retryBackoffIntervalSeconds) {}

  private static final ObjectMapper WRITER =
      Json.MAPPER.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  /** The response as the TestState API's JSON body (absent fields left out). */
  public String toJson() {
    try {
      return WRITER.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the TestState API's JSON body (what {@link #toJson} and the endpoint write). */
  public static TestStateResponse fromJson(String json) {
    JsonNode r = Json.parse(json);
    JsonNode d = r.get("inspectionData");
    InspectionData data = null;
    if (d != null) {
      JsonNode e = d.get("errorDetails");
      data = new InspectionData(text(d, "input"), text(d, "afterArguments"),
          text(d, "afterInputPath"), text(d, "afterParameters"), text(d, "result"),
          text(d, "afterResultSelector"), text(d, "afterResultPath"), text(d, "variables"),
          e == null ? null : new ErrorDetails(integer(e, "catchIndex"), integer(e, "retryIndex"),
              integer(e, "retryBackoffIntervalSeconds")),
          text(d, "afterItemsPath"), text(d, "afterItemSelector"),
          integer(d, "toleratedFailureCount"),
          d.has("toleratedFailurePercentage")
              ? (float) d.get("toleratedFailurePercentage").asDouble() : null,
          integer(d, "maxConcurrency"));
    }
    return new TestStateResponse(Status.valueOf(r.path("status").asText()), text(r, "output"),
        text(r, "error"), text(r, "cause"), text(r, "nextState"), data);
  }

  private static String text(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  private static Integer integer(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    return n == null || n.isNull() ? null : n.asInt();
  }
}
