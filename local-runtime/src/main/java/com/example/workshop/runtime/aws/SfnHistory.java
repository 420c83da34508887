package com.example.workshop.runtime.aws;

import com.example.workshop.runtime.sfn.HistoryEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Turns the history that AWS (or LocalStack) returns through the AWS SDK for Java v2 into the
 * engine's {@link HistoryEvent} records, so a deployed execution and an offline one print and
 * compare the same way. Field names are the wire names of GetExecutionHistory
 * ({@code stateEnteredEventDetails}, {@code input}, ...), which are the engine's names too.
 *
 * <p>Needs {@code software.amazon.awssdk:sfn} on the classpath (local-runtime.jar has it).
 */
public final class SfnHistory {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SfnHistory() {}

  /** Maps events in the order given (GetExecutionHistory's default order is oldest first). */
  public static List<HistoryEvent> toHistoryEvents(
      Collection<software.amazon.awssdk.services.sfn.model.HistoryEvent> events) {
    List<HistoryEvent> out = new ArrayList<>(events.size());
    for (software.amazon.awssdk.services.sfn.model.HistoryEvent e : events) {
      out.add(toHistoryEvent(e));
    }
    return out;
  }

  public static HistoryEvent toHistoryEvent(software.amazon.awssdk.services.sfn.model.HistoryEvent e) {
    String detailsName = null;
    JsonNode details = null;
    for (SdkField<?> f : e.sdkFields()) {
      String name = f.locationName();
      if (name.endsWith("EventDetails")) {
        Object value = f.getValueOrDefault(e);
        if (value != null) {
          detailsName = name;
          details = toJson(value);
        }
      }
    }
    return new HistoryEvent(
        e.id() == null ? 0 : e.id(),
        e.previousEventId() == null ? 0 : e.previousEventId(),
        e.timestamp() == null ? Instant.EPOCH : e.timestamp(),
        e.typeAsString(),
        detailsName,
        details);
  }

  /** Any SDK model value as JSON, keyed by wire names; absent members are left out, as on the wire. */
  static JsonNode toJson(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof SdkPojo pojo) {
      ObjectNode obj = NODES.objectNode();
      for (SdkField<?> f : pojo.sdkFields()) {
        Object v = f.getValueOrDefault(pojo);
        if (v != null && !isAbsentCollection(v)) {
          obj.set(f.locationName(), toJson(v));
        }
      }
      return obj;
    }
    if (value instanceof String s) {
      return NODES.textNode(s);
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (value instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Instant t) {
      return NODES.textNode(t.toString());
    }
    if (value instanceof SdkBytes bytes) {
      return NODES.binaryNode(bytes.asByteArray());
    }
    if (value instanceof List<?> list) {
      ArrayNode arr = NODES.arrayNode();
      list.forEach(v -> arr.add(toJson(v)));
      return arr;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode obj = NODES.objectNode();
      map.forEach((k, v) -> obj.set(String.valueOf(k), toJson(v)));
      return obj;
    }
    return NODES.textNode(String.valueOf(value));
  }

  /** The SDK returns an auto-construct (absent) list or map for members the service did not send. */
  private static boolean isAbsentCollection(Object v) {
    return v instanceof software.amazon.awssdk.core.util.SdkAutoConstructList
        || v instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap;
  }
}
