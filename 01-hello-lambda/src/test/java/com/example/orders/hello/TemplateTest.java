package com.example.orders.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.runtime.lambda.LocalLambda;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** template.yaml stays in step with the code: every Handler resolves, the settings the lesson teaches are there. */
class TemplateTest {

  private static String template() throws Exception {
    return Files.readString(Path.of("template.yaml"));
  }

  @Test
  @DisplayName("every Handler in template.yaml resolves the way the Lambda Java runtime resolves it")
  void handlersResolve() throws Exception {
    Matcher m = Pattern.compile("(?m)^\\s+Handler:\\s*(\\S+)\\s*$").matcher(template());
    List<String> handlers = new ArrayList<>();
    while (m.find()) {
      handlers.add(m.group(1));
    }
    assertEquals(3, handlers.size(), handlers.toString());
    for (String handler : handlers) {
      // Lambda would accept a wrong handler and fail every invocation; handlerProblem() says why first.
      assertEquals(Optional.empty(), LocalLambda.builder(handler).build().handlerProblem(), handler);
    }
  }

  @Test
  @DisplayName("java21 on arm64, JSON logs, SnapStart on the live alias, HTTP API in payload format 1.0, the zip as code")
  void settings() throws Exception {
    String t = template();
    for (String expected : List.of("Runtime: java21", "- arm64", "MemorySize: ", "Timeout: ", "LogFormat: JSON",
        "AutoPublishAlias: live", "ApplyOn: PublishedVersions", "Type: HttpApi", "PayloadFormatVersion: \"1.0\"",
        "CodeUri: target/function.zip")) {
      assertTrue(t.contains(expected), "template.yaml should contain " + expected);
    }
    assertFalse(t.contains("\t"), "YAML must not contain tabs");
  }
}
