package com.example.workshop.triggers;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Parses message bodies with our own Jackson mapper. The Lambda runtime only deserializes the
 * envelope (SQSEvent, SNSEvent...); the body inside is a string that is ours to parse.
 */
final class OrderJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private OrderJson() {}

  /**
   * The order in {@code body}; {@code where} names the message in the error, e.g. "SQS message
   * m-1".
   */
  static Order parseOrder(String body, String where) {
    if (body == null || body.isBlank()) {
      throw new MalformedMessageException(
          where + ": body is empty, expected an order as JSON", null);
    }
    try {
      Order order = MAPPER.readValue(body, Order.class);
      if (order == null) {
        throw new MalformedMessageException(
            where + ": body is null, expected an order as JSON", null);
      }
      return order;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String position =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new MalformedMessageException(
          where + ": body is not a valid order JSON" + position + ": " + e.getOriginalMessage(), e);
    }
  }
}
