package com.example.workshop.runtime.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Intrinsic functions on the common resource types resolve to what CloudFormation would give: the
 * fixture {@code sam/resources/template.yaml} has one substitution per type and form, and
 * {@code expected.json} gives each one's value.
 */
class SamResolutionTest {
  private static final Path TEMPLATE = Path.of("src/test/resources/sam/resources/template.yaml");
  private static final Map<String, String> RESOLVED = SamApplication.load(TEMPLATE).substitutions();

  static Stream<Arguments> cases() throws IOException {
    JsonNode expected = new ObjectMapper().readTree(Path.of("src/test/resources/sam/resources/expected.json").toFile());
    List<Arguments> cases = new ArrayList<>();
    expected.fields().forEachRemaining(e -> {
      if (!e.getKey().startsWith("_")) {
        cases.add(Arguments.of(e.getKey(), e.getValue()));
      }
    });
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("each substitution resolves as CloudFormation would")
  void resolves(String key, JsonNode expected) {
    String actual = RESOLVED.get(key);
    if (expected.isObject()) {
      String regex = expected.get("matches").asText();
      assertTrue(actual != null && actual.matches(regex), key + " = " + actual + ", expected to match " + regex);
    } else {
      assertEquals(expected.asText(), actual, key);
    }
  }

  @Test
  @DisplayName("every substitution of the fixture is in expected.json, and generated names are the same every time")
  void coverageAndStability() throws IOException {
    JsonNode expected = new ObjectMapper().readTree(Path.of("src/test/resources/sam/resources/expected.json").toFile());
    for (String key : RESOLVED.keySet()) {
      assertTrue(expected.has(key), "expected.json has no " + key);
    }
    assertEquals(RESOLVED, SamApplication.load(TEMPLATE).substitutions());
  }

  @Test
  @DisplayName("the stack name, region and account shape every generated name and ARN")
  void identity() {
    Map<String, String> eu = SamApplication.load(TEMPLATE).withStackName("shop").withRegion("eu-central-1")
        .withAccountId("210987654321").substitutions();
    assertTrue(eu.get("QueueArn").matches("arn:aws:sqs:eu-central-1:210987654321:shop-OrderQueue-[A-Z0-9]{13}"),
        eu.get("QueueArn"));
    assertEquals("shop", eu.get("StackName"));
    assertTrue(SamApplication.load(TEMPLATE).withRegion("cn-north-1").substitutions().get("TableArn")
        .startsWith("arn:aws-cn:dynamodb:cn-north-1:"));
  }
}
