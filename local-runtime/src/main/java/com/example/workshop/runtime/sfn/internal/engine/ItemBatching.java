package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.ErrorNames;
import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import com.example.workshop.runtime.sfn.internal.model.ItemBatcher;
import com.example.workshop.runtime.sfn.internal.model.NumberValue;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.JsonPathIo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * A distributed Map's ItemBatcher: the (selected) items in order, grouped into batches of at most
 * MaxItemsPerBatch items whose JSON stays within MaxInputBytesPerBatch bytes; each batch is one
 * child execution's input, {@code {"BatchInput": ..., "Items": [...]}} (BatchInput when given).
 */
final class ItemBatching {
  /** AWS's largest batch: 256 KiB. */
  private static final int MAX_BYTES = 256 * 1024;

  private ItemBatching() {}

  static ArrayNode batches(ItemBatcher b, ArrayNode items, JsonNode effective, Visit v) {
    int maxItems = limit(b.maxItems(), "MaxItemsPerBatch", effective, v, Integer.MAX_VALUE);
    int maxBytes = limit(b.maxBytes(), "MaxInputBytesPerBatch", effective, v, MAX_BYTES);
    JsonNode batchInput = b.batchInputJsonata() != null
        ? Fields.jsonata(b.batchInputJsonata(), v.input, v, null)
        : b.batchInput() != null ? b.batchInput().apply(effective, v) : null;
    ArrayNode batches = Json.NODES.arrayNode();
    ObjectNode batch = null;
    for (JsonNode item : items) {
      if (batch != null && batch.get("Items").size() < maxItems) {
        ((ArrayNode) batch.get("Items")).add(item);
        if (bytes(batch) <= maxBytes) {
          continue;
        }
        ArrayNode in = (ArrayNode) batch.get("Items");
        in.remove(in.size() - 1);
      }
      batch = batches.addObject();
      if (batchInput != null) {
        batch.set("BatchInput", batchInput);
      }
      batch.putArray("Items").add(item);
      if (bytes(batch) > maxBytes) {
        throw new StatesError(ErrorNames.RUNTIME, "An item of the Map is larger than"
            + " MaxInputBytesPerBatch (" + maxBytes + " bytes) on its own.");
      }
    }
    return batches;
  }

  /** A positive batch limit, or {@code none} when the field is absent. */
  private static int limit(NumberValue value, String field, JsonNode effective, Visit v, int none) {
    if (value == null) {
      return none;
    }
    JsonNode n = value instanceof NumberValue.Literal l ? l.value()
        : value instanceof NumberValue.Path p ? JsonPathIo.read(p.path(), effective, v)
        : Fields.jsonata(((NumberValue.Jsonata) value).template(), v.input, v, null);
    if (!n.isNumber() || n.asDouble() != Math.rint(n.asDouble()) || n.asDouble() < 1) {
      throw new StatesError(ErrorNames.RUNTIME, "The ItemBatcher field " + field
          + " must be a positive integer, but was: " + Json.text(n));
    }
    return (int) Math.min(n.asDouble(), none);
  }

  private static int bytes(JsonNode batch) {
    return Json.text(batch).getBytes(StandardCharsets.UTF_8).length;
  }
}
