package com.example.workshop.runtime.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Handler strings resolve and run like on Lambda; golden rows in lambda/handler-resolution.psv. */
class HandlerResolutionTest {
  private static final String FIXTURES = "com.example.workshop.runtime.lambda.fixtures.Fixtures";

  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @CsvFileSource(resources = "/lambda/handler-resolution.psv", delimiter = '|', quoteCharacter = '\u0000',
      commentCharacter = '#')
  void resolvesAndRunsLikeTheJavaRuntime(String handler, String event, String expected) {
    String h = handler.replace("~", FIXTURES);
    String outcome = expected.substring(0, expected.indexOf(' '));
    String detail = expected.substring(expected.indexOf(' ') + 1);
    LocalLambda fn = LocalLambda.builder(h).logSink(new PrintStream(PrintStream.nullOutputStream())).build();
    Invocation result = fn.invoke(event);
    if (outcome.equals("invalid")) { // Lambda accepts the function and fails its invocations
      assertTrue(fn.handlerProblem().orElseThrow().contains(detail), fn.handlerProblem().get());
      assertEquals("Runtime.BadFunctionCode", result.functionError(), result.payload());
      return;
    }
    assertTrue(fn.handlerProblem().isEmpty(), fn.handlerProblem().orElse(""));
    if (outcome.equals("ok")) {
      assertNull(result.errorType(), result.payload());
      assertEquals(detail, result.payload());
    } else {
      assertEquals(detail, result.errorType(), result.payload());
    }
  }
}
