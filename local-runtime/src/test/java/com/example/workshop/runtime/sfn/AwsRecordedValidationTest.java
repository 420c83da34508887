package com.example.workshop.runtime.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the AWS-recorded ValidateStateMachineDefinition / CreateStateMachine answers of the shared
 * conformance folder (not part of the project) when it is present: -Dsfn.conformance=DIR, else
 * ../../shared/conformance (CI layout), else /work/shared/conformance.
 */
class AwsRecordedValidationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TEMPLATE_PLACEHOLDER = Pattern.compile("%[A-Z_]+%");
  private static final Pattern ENTRY = Pattern.compile("([A-Z_]+): (.*?)(?: at ([^,]*))?");

  static Path conformanceDir() {
    String property = System.getProperty("sfn.conformance");
    List<Path> candidates = new ArrayList<>();
    if (property != null) {
      candidates.add(Path.of(property));
    }
    candidates.add(Path.of("../../shared/conformance"));
    candidates.add(Path.of("/work/shared/conformance"));
    return candidates.stream().filter(Files::isDirectory).findFirst().orElse(null);
  }

  static Stream<Arguments> cases() throws IOException {
    Path dir = conformanceDir();
    Path file = dir == null ? null : dir.resolve("validation/definition_validation.json");
    if (file == null || !Files.isRegularFile(file)) {
      return Stream.of(Arguments.of("conformance folder absent", null));
    }
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : JSON.readTree(file.toFile()).path("cases")) {
      out.add(Arguments.of(c.path("id").asText(), c));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesTheAwsRecording(String id, JsonNode c) throws IOException {
    assumeTrue(c != null, "shared conformance vectors not found (set -Dsfn.conformance=DIR);"
        + " AWS-recorded validation cases not run");
    // Express-only rules (.waitForTaskToken, .sync, activities) need the machine type, which the
    // local engine (Standard workflows) does not model.
    assumeTrue(!(c.path("type").asText().equals("EXPRESS") && expected(c).stream()
        .anyMatch(e -> e.get(2).startsWith("Express state machine"))),
        "Express-only validation rule: local-runtime validates as a Standard workflow");
    String text = c.has("definition_string") ? c.path("definition_string").asText()
        : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(c.path("definition"));
    List<List<String>> actual = new ArrayList<>();
    for (Diagnostic d : StateMachine.validate(text, Map.of())) {
      actual.add(List.of(d.code(), String.valueOf(d.location()), d.message()));
    }
    assertEquals(expected(c), actual);
  }

  static Stream<Arguments> executedFiles() throws IOException {
    Path dir = conformanceDir();
    if (dir == null) {
      return Stream.of(Arguments.of("conformance folder absent", null));
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().equals("INDEX.json"))
          .filter(p -> !p.getParent().getFileName().toString().equals("validation"))
          .sorted()
          .map(p -> Arguments.of(dir.relativize(p).toString(), p))
          .toList().stream();
    }
  }

  /**
   * Every definition AWS ran in the recorded executions was accepted by AWS, so it must pass
   * here too: the guard against rejecting what AWS accepts.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("executedFiles")
  void acceptsEveryDefinitionAwsExecuted(String name, Path file) throws IOException {
    assumeTrue(file != null, "shared conformance vectors not found (set -Dsfn.conformance=DIR)");
    List<String> rejected = new ArrayList<>();
    int checked = 0;
    for (JsonNode c : JSON.readTree(file.toFile()).path("cases")) {
      String text = JSON.writeValueAsString(c.path("definition"));
      if (!c.has("definition") || TEMPLATE_PLACEHOLDER.matcher(text).find()) {
        continue; // a LocalStack template whose placeholder the test filled in at run time
      }
      checked++;
      List<Diagnostic> found = StateMachine.validate(text, Map.of());
      if (!found.isEmpty()) {
        rejected.add(c.path("id").asText() + " -> " + found);
      }
    }
    assumeTrue(checked > 0, "no runnable definition in " + name);
    assertEquals(List.of(), rejected);
  }

  /** [code, location, message] triples from either recorded form. */
  private static List<List<String>> expected(JsonNode c) {
    List<List<String>> out = new ArrayList<>();
    if (c.has("expected_response")) {
      for (JsonNode d : c.path("expected_response").path("diagnostics")) {
        out.add(List.of(d.path("code").asText(), d.has("location") ? d.path("location").asText()
            : "null", d.path("message").asText()));
      }
      return out;
    }
    String message = c.path("expected_error").path("message").asText();
    String prefix = "Invalid State Machine Definition: '";
    String body = message.substring(prefix.length(), message.length() - 1);
    for (String part : body.split(", (?=[A-Z_]+: )")) {
      Matcher m = ENTRY.matcher(part);
      if (!m.matches()) {
        throw new IllegalStateException("unexpected recorded error: " + part);
      }
      out.add(List.of(m.group(1), String.valueOf(m.group(3)), m.group(2)));
    }
    return out;
  }
}
