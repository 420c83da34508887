package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import com.example.workshop.runtime.sfn.internal.model.ItemReader;
import com.example.workshop.runtime.sfn.internal.model.NumberValue;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.JsonPathIo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;

/**
 * What a distributed Map's ItemReader reads from the S3 objects the engine was given: the rows of
 * a CSV object (headers from the first row or the definition, missing fields empty, extra fields
 * dropped), the array of a JSON object, or a bucket's objects (ListObjectsV2), at most MaxItems
 * of them (0: all). A reader that cannot read fails with {@code States.ItemReaderFailed} and AWS's
 * message where one was recorded.
 */
final class ItemReading {
  static final String FAILED = "States.ItemReaderFailed";

  private ItemReading() {}

  /** The items; {@code effective} is the state input after InputPath. */
  static ArrayNode read(ItemReader r, JsonNode effective, Visit v) {
    JsonNode args = r.arguments() != null ? Fields.jsonata(r.arguments(), v.input, v, null)
        : r.parameters() != null ? r.parameters().apply(effective, v) : Json.object();
    int max = maxItems(r.maxItems(), effective, v);
    S3Objects s3 = v.run().config().s3();
    String bucket = args.path("Bucket").asText("");
    ArrayNode items = Json.NODES.arrayNode();
    if (r.listObjects()) {
      if (!s3.hasBucket(bucket)) {
        throw new StatesError(FAILED, "The S3 bucket '" + bucket + "' has no objects here: give"
            + " them with LocalStepFunctions.Builder.s3Object(bucket, key, body).");
      }
      String prefix = args.hasNonNull("Prefix") ? args.get("Prefix").asText() : null;
      for (S3Objects.S3Object o : s3.list(bucket, prefix)) {
        ObjectNode item = items.addObject();
        item.put("Etag", "\"" + md5(o.body()) + "\"");
        item.put("Key", o.key());
        item.put("LastModified", o.lastModified().toString());
        item.put("Size", o.size());
        item.put("StorageClass", "STANDARD");
      }
      return limit(items, max);
    }
    String key = args.path("Key").asText("");
    S3Objects.S3Object object = s3.get(bucket, key);
    if (object == null) {
      throw new StatesError(FAILED, "The S3 object s3://" + bucket + "/" + key + " does not exist"
          + " here: give it with LocalStepFunctions.Builder.s3Object(bucket, key, body).");
    }
    if (r.inputType().equals("JSON")) {
      JsonNode parsed;
      try {
        parsed = Json.parse(object.body());
      } catch (IllegalArgumentException e) {
        throw new StatesError(FAILED, "The S3 object s3://" + bucket + "/" + key
            + " is not JSON: " + e.getMessage());
      }
      if (!parsed.isArray()) {
        throw new StatesError(FAILED, "Attempting to map over non-iterable node.");
      }
      return limit((ArrayNode) parsed, max);
    }
    return csv(object.body(), r.csvHeaders(), max);
  }

  /** ReaderConfig.MaxItems or MaxItemsPath: 0 (or absent) reads every item. */
  private static int maxItems(NumberValue value, JsonNode effective, Visit v) {
    if (value == null) {
      return 0;
    }
    JsonNode n = value instanceof NumberValue.Literal l ? l.value()
        : value instanceof NumberValue.Path p ? JsonPathIo.read(p.path(), effective, v)
        : Fields.jsonata(((NumberValue.Jsonata) value).template(), v.input, v, null);
    if (!n.isNumber() || n.asDouble() != Math.rint(n.asDouble()) || n.asDouble() < 0) {
      throw new StatesError(FAILED, "field MaxItems must be positive");
    }
    return n.asDouble() >= Integer.MAX_VALUE ? Integer.MAX_VALUE : n.asInt();
  }

  private static ArrayNode limit(ArrayNode items, int max) {
    if (max == 0 || items.size() <= max) {
      return items;
    }
    ArrayNode first = Json.NODES.arrayNode(max);
    for (int i = 0; i < max; i++) {
      first.add(items.get(i));
    }
    return first;
  }

  /** One object per row, keyed by the headers (the first row when {@code given} is null). */
  static ArrayNode csv(String body, List<String> given, int max) {
    List<List<String>> rows = CsvRows.parse(body);
    List<String> headers = given;
    int from = 0;
    if (headers == null) {
      headers = rows.isEmpty() ? List.of() : rows.get(0);
      from = 1;
    }
    if (new HashSet<>(headers).size() != headers.size()) {
      throw new StatesError(FAILED, "CSV headers cannot contain duplicates.");
    }
    ArrayNode items = Json.NODES.arrayNode();
    for (int i = from; i < rows.size() && (max == 0 || items.size() < max); i++) {
      List<String> row = rows.get(i);
      ObjectNode item = items.addObject();
      for (int h = 0; h < headers.size(); h++) {
        item.put(headers.get(h), h < row.size() ? row.get(h) : "");
      }
    }
    return items;
  }

  private static String md5(String body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
          .digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** RFC 4180 rows: comma-separated fields, double-quoted fields with "" for a quote. */
  static final class CsvRows {
    private CsvRows() {}

    static List<List<String>> parse(String text) {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
          }
        } else if (c == '"' && field.length() == 0) {
          quoted = true;
        } else if (c == ',') {
          row.add(field.toString());
          field.setLength(0);
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
          row.add(field.toString());
          field.setLength(0);
          rows.add(row);
          row = new ArrayList<>();
        } else {
          field.append(c);
        }
      }
      if (field.length() > 0 || !row.isEmpty()) { // a last row without a line break
        row.add(field.toString());
        rows.add(row);
      }
      return rows;
    }
  }
}
