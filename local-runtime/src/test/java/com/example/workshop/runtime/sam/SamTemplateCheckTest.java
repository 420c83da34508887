package com.example.workshop.runtime.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fixture app in {@code src/test/resources/sam/orders} passes every check; each row of
 * {@code broken-templates.json} breaks it in one way and names the findings that must follow.
 */
class SamTemplateCheckTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  @DisplayName("the valid orders template has no findings")
  void validTemplatePasses() throws IOException {
    Path template = copyFixture();
    assertEquals(List.of(), SamTemplateCheck.of(template).findings());
    SamTemplateCheck.of(template).assertNoFindings();
  }

  static Stream<Arguments> brokenTemplates() throws IOException {
    try (InputStream in = SamTemplateCheckTest.class.getResourceAsStream("/sam/broken-templates.json")) {
      JsonNode rows = JSON.readTree(in);
      List<Arguments> args = new ArrayList<>();
      rows.forEach(r -> args.add(Arguments.of(r.get("name").asText(), r)));
      return args.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenTemplates")
  @DisplayName("a deliberately broken template fails with the expected findings")
  void brokenTemplateFails(String name, JsonNode row) throws IOException {
    Path template = copyFixture();
    Path target = dir.resolve(row.get("file").asText());
    String text = Files.readString(target);
    String replace = row.get("replace").asText();
    assertTrue(text.contains(replace), "fixture no longer contains the text this row replaces: " + replace);
    Files.writeString(target, text.replace(replace, row.get("with").asText()));

    List<Finding> findings = SamTemplateCheck.of(template).findings();

    List<String> expected = new ArrayList<>();
    row.get("expect").forEach(e -> expected.add(e.asText()));
    List<String> actual = findings.stream().map(Finding::rule).sorted().toList();
    assertEquals(expected.stream().sorted().toList(), actual, "findings: " + findings);
    for (Finding f : findings) {
      assertTrue(f.line() > 0 || f.rule().equals("TEMPLATE_UNREADABLE"), "no line for " + f);
      assertTrue(f.message().length() > 20, "message too short to help: " + f);
    }
    AssertionError error = assertThrows(AssertionError.class, () -> SamTemplateCheck.of(template).assertNoFindings());
    assertTrue(error.getMessage().contains(findings.get(0).toString()), error.getMessage());
  }

  @Test
  @DisplayName("a finding says file, line, location, rule and the fix")
  void findingNamesWhereAndHow() throws IOException {
    Path template = copyFixture();
    Files.writeString(template, Files.readString(template).replace("Runtime: java21", "Runtime: java17"));
    Finding first = SamTemplateCheck.of(template).findings().get(0);
    assertEquals(
        "template.yaml line 7 (Globals.Function.Runtime): RUNTIME: function ValidateFunction runs on 'java17'"
            + " but the lessons teach 'java21': set Runtime: java21 (in Globals.Function or the function)",
        first.toString());
  }

  @Test
  @DisplayName("a missing placeholder is reported at its line in the ASL file")
  void placeholderLineInDefinition() throws IOException {
    copyFixture();
    Path asl = dir.resolve("order.asl.json");
    Files.writeString(asl, Files.readString(asl).replace("${ChargeFunctionArn}", "${PaymentFunctionArn}"));
    Finding missing = SamTemplateCheck.of(dir.resolve("template.yaml")).findings().stream()
        .filter(f -> f.rule().equals("SUBSTITUTION_MISSING")).findFirst().orElseThrow();
    assertEquals("order.asl.json", missing.file());
    assertEquals(14, missing.line());
    assertTrue(missing.message().contains("${PaymentFunctionArn}"), missing.message());
  }

  @Test
  @DisplayName("other taught settings can be checked with the with... methods")
  void expectationsAreConfigurable() throws IOException {
    Path template = copyFixture();
    List<String> rules = SamTemplateCheck.of(template).withRuntime("java25").withMemorySize(512)
        .withArchitectures("arm64").findings().stream().map(Finding::rule).distinct().sorted().toList();
    assertEquals(List.of("MEMORY_SIZE", "RUNTIME"), rules);
  }

  @Test
  @DisplayName("a missing template file is one clear finding, not an exception")
  void missingTemplate() {
    List<Finding> findings = SamTemplateCheck.of(dir.resolve("nope.yaml")).findings();
    assertEquals(1, findings.size());
    assertTrue(findings.get(0).message().startsWith("file not found: "), findings.toString());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @DisplayName("which resource strings count as a wildcard")
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "*|true",
        "arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:*|true",
        "arn:aws:dynamodb:us-east-1:123456789012:table/*|true",
        "arn:aws:s3:::*|true",
        "${ChargeFunction.Arn}:*|false",
        "arn:aws:s3:::orders-bucket/*|false",
        "arn:aws:lambda:us-east-1:123456789012:function:charge|false",
        "arn:aws:lambda:us-east-1:123456789012:function:charge:*|false"
      })
  void wildcards(String resource, boolean wildcard) {
    assertEquals(wildcard, Policies.isWildcard(resource));
  }

  private Path copyFixture() throws IOException {
    for (String name : List.of("template.yaml", "order.asl.json")) {
      try (InputStream in = getClass().getResourceAsStream("/sam/orders/" + name)) {
        Files.writeString(dir.resolve(name), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return dir.resolve("template.yaml");
  }
}
