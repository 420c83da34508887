package com.example.orders.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.example.workshop.runtime.lambda.Invocation;
import com.example.workshop.runtime.lambda.LocalContext;
import com.example.workshop.runtime.lambda.LocalLambda;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class HelloHandlerTest {

  @ParameterizedTest
  @Event(value = "events/hello.json", type = Map.class)
  @DisplayName("answers statusCode 200 with the seed's message in a JSON body")
  void answersWithTheSeedsMessage(Map<String, Object> event) {
    Map<String, Object> response = new HelloHandler().handleRequest(event, LocalContext.create());

    assertEquals(200, response.get("statusCode"));
    assertEquals("{\"message\":\"이벤트 처리 완료!\"}", response.get("body"));
  }

  @Test
  @DisplayName("run by the local Lambda runtime: the same response JSON, a REPORT line and a cold start")
  void runsLikeOnLambda() throws Exception {
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    LocalLambda function = LocalLambda.builder("com.example.orders.hello.HelloHandler::handleRequest")
        .functionName("hello").memoryMb(512)
        .logSink(new PrintStream(logs, true, StandardCharsets.UTF_8)).build();

    Invocation result = function.invoke(Files.readString(Path.of("events/hello.json")));

    assertNull(result.errorType(), result.payload());
    assertEquals("{\"statusCode\":200,\"body\":\"{\\\"message\\\":\\\"이벤트 처리 완료!\\\"}\"}", result.payload());
    assertNotNull(result.report().initDurationMs(), "the first call is a cold start");
    String log = logs.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("event received with fields [orderId, customerId, source]"), log);
    assertTrue(log.contains(result.report().toLogLine()), log);
  }
}
