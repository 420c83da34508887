package com.example.workshop.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.runtime.lambda.Invocation;
import com.example.workshop.runtime.lambda.LocalLambda;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Each fixture through local-runtime, the way {@code invoke} runs it: the handler string from
 * template.yaml, the public no-argument constructor, the runtime's event and response JSON.
 */
class LocalInvocationTest {

  @ParameterizedTest(name = "{0} on {1}")
  @CsvFileSource(resources = "/invocations.psv", delimiter = '|', encoding = "UTF-8")
  void invokeFixture(String handler, String eventFile, String errorType, String expected)
      throws Exception {
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    LocalLambda function =
        LocalLambda.builder("com.example.workshop.triggers." + handler + "::handleRequest")
            .memoryMb(1024)
            .timeout(Duration.ofSeconds(30))
            .logSink(new PrintStream(logs, true, StandardCharsets.UTF_8))
            .build();

    Invocation result =
        function.invoke(Files.readString(Path.of("events", eventFile), StandardCharsets.UTF_8));

    if (errorType == null) {
      assertNull(result.errorType(), result.payload());
      assertEquals(expected, result.payload());
    } else {
      assertEquals(errorType, result.errorType(), result.payload());
      assertTrue(result.payload().contains(expected), result.payload());
    }
  }
}
