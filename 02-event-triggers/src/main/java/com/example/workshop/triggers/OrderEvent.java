package com.example.workshop.triggers;

import java.util.Map;

/**
 * An "order events" notification: the JSON body parsed into an {@link Order}, plus the SNS message
 * attributes (name to {@code {Type, Value}}, as SNS sends them).
 */
public record OrderEvent(
    String messageId, String eventType, Map<String, Attribute> attributes, Order order) {

  public OrderEvent {
    attributes = Map.copyOf(attributes);
  }

  /** An SNS message attribute: Type is "String", "Number", "Binary" or "String.Array". */
  public record Attribute(String type, String value) {}
}
