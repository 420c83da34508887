package com.example.workshop.runtime.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The definition rules, one golden case each: src/test/resources/validation/GROUP.json holds
 * {@code {"cases": [{"name", "definition", "diagnostics": [{"code", "location", "message"}]}]}}.
 */
class ValidationRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> GROUPS = List.of("root", "transitions", "fields", "choice",
      "wait", "fail", "task", "retry_catch", "map_parallel", "paths");

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (String group : GROUPS) {
      try (InputStream in = ValidationRulesTest.class.getResourceAsStream(
          "/validation/" + group + ".json")) {
        for (JsonNode c : JSON.readTree(in).path("cases")) {
          out.add(Arguments.of(group + ": " + c.path("name").asText(), c.path("definition"),
              c.path("diagnostics")));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactlyTheExpectedDiagnostics(String name, JsonNode definition, JsonNode expected)
      throws IOException {
    String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(definition);
    List<String> want = new ArrayList<>();
    for (JsonNode d : expected) {
      want.add(d.path("code").asText() + " | " + (d.path("location").isNull() ? "null"
          : d.path("location").asText()) + " | " + d.path("message").asText());
    }
    List<String> got = new ArrayList<>();
    for (Diagnostic d : StateMachine.validate(text, Map.of())) {
      got.add(d.code() + " | " + d.location() + " | " + d.message());
    }
    assertEquals(want, got);
  }
}
