package com.example.orders.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Step 3: behind an HTTP API (payload format 1.0). The body is a string of JSON that we parse
 * ourselves, so bad input is ours to answer: a missing field or a malformed body gets a 400 with
 * a JSON message, never a 500 with a stack trace. {@code POST /orders} with
 * {@code {"orderId":"o-1001","customerId":"c-42","amount":42.50}} answers 200 and the seed's
 * message.
 *
 * <p>Handler string: {@code com.example.orders.hello.OrderApiHandler::handleRequest}
 */
public class OrderApiHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

  // Created once per execution environment (init phase), reused by every invocation.
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> HEADERS = Map.of("Content-Type", "application/json; charset=utf-8");

  @Override
  public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
    String body = request.getBody();
    if (body == null || body.isBlank()) {
      return error(400, "body", "request body is missing; send a JSON order such as"
          + " {\"orderId\":\"o-1001\",\"customerId\":\"c-42\",\"amount\":42.50}");
    }
    if (Boolean.TRUE.equals(request.getIsBase64Encoded())) {
      body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    }
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return error(400, "body", "request body is not valid JSON: " + e.getOriginalMessage()
          + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
    }
    if (json == null || !json.isObject()) {
      return error(400, "body", "request body must be a JSON object");
    }
    try {
      OrderRequest order = toOrder((ObjectNode) json).validate();
      context.getLogger().log("order " + order.orderId() + " accepted via HTTP");
      ObjectNode ok = JSON.createObjectNode();
      ok.put("message", HelloHandler.MESSAGE);
      ok.put("orderId", order.orderId());
      ok.put("status", "ACCEPTED");
      return response(200, ok);
    } catch (InvalidOrderException e) {
      return error(400, e.field(), e.getMessage());
    }
  }

  /** Reads the fields by hand, so that a wrong type is named precisely. */
  private static OrderRequest toOrder(ObjectNode json) {
    String orderId = text(json, "orderId");
    String customerId = text(json, "customerId");
    BigDecimal amount = null;
    JsonNode a = json.get("amount");
    if (a != null && !a.isNull()) {
      if (!a.isNumber()) {
        throw new InvalidOrderException("amount", "amount must be a number, got " + a);
      }
      amount = a.decimalValue();
    }
    List<String> items = new ArrayList<>();
    JsonNode i = json.get("items");
    if (i != null && i.isArray()) {
      i.forEach(item -> items.add(item.asText()));
    }
    return new OrderRequest(orderId, customerId, amount, items);
  }

  private static String text(ObjectNode json, String field) {
    JsonNode v = json.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new InvalidOrderException(field, field + " must be a string, got " + v);
    }
    return v.asText();
  }

  private static APIGatewayProxyResponseEvent error(int status, String field, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.put("error", "BadRequest");
    body.put("field", field);
    body.put("message", message);
    return response(status, body);
  }

  private static APIGatewayProxyResponseEvent response(int status, ObjectNode body) {
    return new APIGatewayProxyResponseEvent().withStatusCode(status).withHeaders(HEADERS).withBody(body.toString());
  }
}
