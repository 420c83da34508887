package com.example.workshop.runtime.sfn.internal.query.jsonpath;

import com.example.workshop.runtime.sfn.GoldenFiles;
import com.example.workshop.runtime.sfn.internal.asl.StatesError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonPathsTest {

  static Stream<Arguments> reads() {
    return GoldenFiles.cases("jsonpaths/read.json");
  }

  static Stream<Arguments> sets() {
    return GoldenFiles.cases("jsonpaths/set.json");
  }

  @ParameterizedTest
  @MethodSource("reads")
  @DisplayName("read selects like AWS (Jayway) does")
  void read(JsonNode c) {
    JsonNode document = c.get("document");
    JsonNode context = c.path("context");
    String path = c.get("path").asText();
    if (c.has("error")) {
      JsonPaths.PathNotFound e =
          assertThrows(
              JsonPaths.PathNotFound.class,
              () -> JsonPaths.readWithContext(document, context, path));
      assertEquals(c.get("error").asText(), e.getMessage());
    } else {
      assertEquals(c.get("expected"), JsonPaths.readWithContext(document, context, path));
    }
    if (c.has("definite")) {
      assertEquals(c.get("definite").asBoolean(), JsonPaths.isDefinite(path));
    }
  }

  @ParameterizedTest
  @MethodSource("sets")
  @DisplayName("set applies ResultPath without touching the input")
  void set(JsonNode c) {
    JsonNode document = c.get("document");
    String before = document.toString();
    String path = c.get("path").asText();
    JsonNode value = c.get("value");
    if (c.has("error")) {
      StatesError e = assertThrows(StatesError.class, () -> JsonPaths.set(document, path, value));
      assertEquals(c.get("error").asText(), e.error());
    } else {
      assertEquals(c.get("expected"), JsonPaths.set(document, path, value));
    }
    assertEquals(before, document.toString(), "input document was modified");
  }

  @Test
  void invalidSyntaxIsReportedWithThePath() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> JsonPaths.read(GoldenFiles.json("{}"), "$.orders[?(@.amount >"));
    assertEquals(true, e.getMessage().startsWith("Invalid JSONPath '$.orders[?(@.amount >'"));
  }

  @Test
  void resultPathMustBeAReferencePath() {
    assertThrows(
        IllegalArgumentException.class,
        () -> JsonPaths.set(GoldenFiles.json("{}"), "$.items[*]", GoldenFiles.json("1")));
  }
}
