package com.example.orders.hello.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.runtime.lambda.Invocation;
import com.example.workshop.runtime.lambda.LocalLambda;
import java.io.PrintStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise 01, solution: one rule, two entry points. An order of amount 0 breaks the same rule in
 * {@code OrderRequest.validate()} whichever handler receives it, but the two handlers answer it
 * differently: the typed handler fails the invocation (Lambda's error document), the HTTP handler
 * returns a 400, which is a successful invocation. Runs with {@code -Pexercises} (see the README).
 */
@Tag("exercise")
class ZeroAmountExerciseTest {
  private static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());
  private static final String ORDER = "{\"orderId\":\"o-2001\",\"customerId\":\"c-7\",\"amount\":0}";

  @Test
  @DisplayName("the typed handler fails the invocation with InvalidOrderException and the rule's message")
  void typedHandlerFailsTheInvocation() {
    LocalLambda function = LocalLambda.builder("com.example.orders.hello.OrderHandler::handleRequest")
        .logSink(QUIET).build();

    Invocation invocation = function.invoke(ORDER);

    assertTrue(invocation.failed(), invocation.payload());
    assertEquals("com.example.orders.hello.InvalidOrderException", invocation.errorType());
    assertTrue(invocation.payload().startsWith("{\"errorMessage\":\"amount must be greater than 0, got 0\","),
        invocation.payload());
  }

  @Test
  @DisplayName("the HTTP handler answers 400 naming the field, and the invocation itself succeeds")
  void httpHandlerAnswers400() {
    LocalLambda function = LocalLambda.builder("com.example.orders.hello.OrderApiHandler::handleRequest")
        .logSink(QUIET).build();
    String event = "{\"httpMethod\":\"POST\",\"path\":\"/orders\",\"body\":" + quoted(ORDER) + "}";

    Invocation invocation = function.invoke(event);

    assertFalse(invocation.failed(), invocation.payload());
    assertTrue(invocation.payload().startsWith("{\"statusCode\":400,"), invocation.payload());
    assertTrue(invocation.payload().contains("\\\"field\\\":\\\"amount\\\""), invocation.payload());
    assertTrue(invocation.payload().contains("amount must be greater than 0, got 0"), invocation.payload());
  }

  private static String quoted(String json) {
    return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
