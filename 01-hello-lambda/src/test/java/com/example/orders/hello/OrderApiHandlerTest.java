package com.example.orders.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.amazonaws.services.lambda.runtime.tests.annotations.Events;
import com.example.workshop.runtime.lambda.Invocation;
import com.example.workshop.runtime.lambda.LocalContext;
import com.example.workshop.runtime.lambda.LocalLambda;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderApiHandlerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static APIGatewayProxyResponseEvent call(APIGatewayProxyRequestEvent request) {
    return new OrderApiHandler().handleRequest(request, LocalContext.create());
  }

  @ParameterizedTest
  @Event(value = "events/api-post-order.json", type = APIGatewayProxyRequestEvent.class)
  @DisplayName("POST /orders with a valid order answers 200 with the seed's message")
  void acceptsAValidOrder(APIGatewayProxyRequestEvent request) throws Exception {
    APIGatewayProxyResponseEvent response = call(request);

    assertEquals(200, response.getStatusCode());
    JsonNode body = JSON.readTree(response.getBody());
    assertEquals("이벤트 처리 완료!", body.get("message").asText());
    assertEquals("o-1001", body.get("orderId").asText());
    assertEquals("application/json; charset=utf-8", response.getHeaders().get("Content-Type"));
  }

  @ParameterizedTest
  @Events(events = {
      @Event("events/api-missing-field.json"),
      @Event("events/api-malformed-body.json"),
      @Event("events/api-no-body.json"),
      @Event("events/api-bad-amount.json"),
      @Event("events/api-negative-amount.json")},
      type = APIGatewayProxyRequestEvent.class)
  @DisplayName("bad input is a 400 with a JSON message, never a 500")
  void badInputIsA400(APIGatewayProxyRequestEvent request) throws Exception {
    APIGatewayProxyResponseEvent response = call(request);

    assertEquals(400, response.getStatusCode());
    JsonNode body = JSON.readTree(response.getBody());
    assertEquals("BadRequest", body.get("error").asText());
    assertTrue(body.get("message").asText().length() > 10, response.getBody());
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      events/api-missing-field.json    | orderId | orderId is required
      events/api-malformed-body.json   | body    | request body is not valid JSON
      events/api-no-body.json          | body    | request body is missing
      events/api-bad-amount.json       | amount  | amount must be a number, got "forty-two"
      events/api-negative-amount.json  | amount  | amount must be greater than 0, got -5
      """)
  @DisplayName("each 400 names the field at fault and says what is wrong")
  void the400NamesTheField(String eventFile, String field, String message) throws Exception {
    APIGatewayProxyResponseEvent response = call(EventLoader.loadApiGatewayRestEvent(eventFile));

    JsonNode body = JSON.readTree(response.getBody());
    assertEquals(field, body.get("field").asText());
    assertTrue(body.get("message").asText().startsWith(message), body.get("message").asText());
  }

  @Test
  @DisplayName("through the runtime, a 400 is a successful invocation: the function answered, it did not fail")
  void a400IsNotAFunctionError() throws Exception {
    LocalLambda function = LocalLambda.builder("com.example.orders.hello.OrderApiHandler::handleRequest")
        .logSink(new PrintStream(PrintStream.nullOutputStream())).build();

    Invocation result = function.invoke(Files.readString(Path.of("events/api-malformed-body.json")));

    assertNull(result.errorType(), result.payload());
    JsonNode payload = JSON.readTree(result.payload());
    assertEquals(400, payload.get("statusCode").asInt());
    assertTrue(payload.get("body").asText().contains("request body is not valid JSON"), result.payload());
  }
}
