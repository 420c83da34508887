package com.example.workshop.tools.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.workshop.runtime.sfn.LambdaFunctionError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Recorded Lambda functions become fakes from their recorded behaviour, never their source. */
class LambdaFakesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode spec(String json) throws Exception {
    return JSON.readTree(json);
  }

  @Test
  @DisplayName("'<the event>' echoes the event")
  void echo() throws Exception {
    assertEquals("{\"a\":1}", LambdaFakes.fake(spec(
        "{\"kind\": \"return\", \"returns\": \"<the event>\"}")).invoke("{\"a\":1}"));
  }

  @Test
  @DisplayName("'<a string of N \"c\" characters>' returns that JSON string")
  void longString() throws Exception {
    String out = LambdaFakes.fake(spec("{\"kind\": \"return\", \"returns\":"
        + " \"<a string of 5 \\\"a\\\" characters (> 256 KiB)>\"}")).invoke("{}");
    assertEquals("\"aaaaa\"", out);
  }

  @Test
  @DisplayName("any other recorded value is returned as JSON")
  void value() throws Exception {
    assertEquals("{\"Return\":\"HelloWorld\"}", LambdaFakes.fake(spec(
        "{\"kind\": \"return\", \"returns\": {\"Return\": \"HelloWorld\"}}")).invoke("{}"));
  }

  @Test
  @DisplayName("raise throws the recorded error type and message")
  void raise() throws Exception {
    LambdaFunctionError e = assertThrows(LambdaFunctionError.class, () -> LambdaFakes.fake(spec(
        "{\"kind\": \"raise\", \"errorType\": \"Exception\", \"errorMessage\": \"boom\"}"))
        .invoke("{}"));
    assertEquals("Exception", e.errorType());
    assertEquals("boom", e.errorMessage());
  }

  @Test
  @DisplayName("a function recorded as not defined is not bound; an unknown description is refused")
  void notDefinedAndUnknown() throws Exception {
    assertNull(LambdaFakes.fake(spec("{\"kind\": \"NOT DEFINED (function does not exist)\"}")));
    assertThrows(CannotReplay.class, () -> LambdaFakes.fake(spec(
        "{\"kind\": \"return\", \"returns\": \"<something Python computed>\"}")));
  }
}
