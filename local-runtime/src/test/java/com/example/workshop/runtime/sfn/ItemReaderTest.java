package com.example.workshop.runtime.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A distributed Map's ItemReader over the S3 objects given to the builder, with the rules AWS's
 * recordings show (../shared/conformance-next distributed_map/).
 */
class ItemReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A distributed Map whose iterations return their item, reading with {@code reader}. */
  private static StateMachine map(String reader) {
    return StateMachine.parse(("""
        {"StartAt": "Orders", "States": {"Orders": {"Type": "Map", "ItemReader": %s,
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "One", "States": {"One": {"Type": "Pass", "End": true}}},
          "End": true}}}""").formatted(reader), Map.of());
  }

  private static String getObject(String config) {
    return """
        {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": %s,
         "Parameters": {"Bucket.$": "$.bucket", "Key.$": "$.key"}}""".formatted(config);
  }

  private static Execution run(StateMachine m, String key, String body) {
    return EngineTestSupport.engine().s3Object("orders", key, body).build()
        .start(m, "{\"bucket\": \"orders\", \"key\": \"" + key + "\", \"max\": -1}");
  }

  private static JsonNode output(Execution ex) throws Exception {
    assertEquals(ExecutionStatus.SUCCEEDED, ex.status(), ex.toString());
    return JSON.readTree(ex.output());
  }

  @Test
  @DisplayName("CSV with headers in the first row: missing fields are empty, extra fields dropped")
  void csvFirstRow() throws Exception {
    Execution ex = run(map(getObject("{\"InputType\": \"CSV\", \"CSVHeaderLocation\": \"FIRST_ROW\"}")),
        "orders.csv", "id,qty\no-1,2\no-2\n\"o,3\",4,extra\n");
    assertEquals(JSON.readTree("""
        [{"id": "o-1", "qty": "2"}, {"id": "o-2", "qty": ""}, {"id": "o,3", "qty": "4"}]"""),
        output(ex));
  }

  @Test
  @DisplayName("CSV with declared headers reads every row; MaxItems keeps the first ones")
  void csvGivenHeadersAndMaxItems() throws Exception {
    Execution ex = run(map(getObject("""
        {"InputType": "CSV", "CSVHeaderLocation": "GIVEN", "CSVHeaders": ["id"], "MaxItems": 2}""")),
        "orders.csv", "o-1\no-2\no-3\n");
    assertEquals(JSON.readTree("[{\"id\": \"o-1\"}, {\"id\": \"o-2\"}]"), output(ex));
  }

  @Test
  @DisplayName("duplicate CSV headers fail the Map Run: MapRunFailed with States.ItemReaderFailed")
  void duplicateHeaders() {
    Execution ex = run(map(getObject("""
        {"InputType": "CSV", "CSVHeaderLocation": "GIVEN", "CSVHeaders": ["id", "id"]}""")),
        "orders.csv", "o-1,o-2\n");
    assertEquals("States.ItemReaderFailed", ex.error());
    assertEquals("CSV headers cannot contain duplicates.", ex.cause());
    List<String> types = ex.history().stream().map(HistoryEvent::type).toList();
    assertEquals(List.of("ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapRunStarted",
        "MapRunFailed", "MapStateFailed", "ExecutionFailed"), types);
    assertTrue(ex.historyJson().contains("\"mapRunFailedEventDetails\":{\"error\":"
        + "\"States.ItemReaderFailed\",\"cause\":\"CSV headers cannot contain duplicates.\"}"),
        ex.historyJson());
  }

  @Test
  @DisplayName("a JSON object must hold an array; a negative MaxItemsPath value fails")
  void jsonRules() throws Exception {
    assertEquals(JSON.readTree("[{\"id\": \"o-1\"}]"),
        output(run(map(getObject("{\"InputType\": \"JSON\"}")), "orders.json", "[{\"id\": \"o-1\"}]")));
    Execution notList = run(map(getObject("{\"InputType\": \"JSON\"}")), "orders.json", "{\"id\": 1}");
    assertEquals("Attempting to map over non-iterable node.", notList.cause());
    Execution negative = run(map(getObject("{\"InputType\": \"JSON\", \"MaxItemsPath\": \"$.max\"}")),
        "orders.json", "[1]");
    assertEquals("States.ItemReaderFailed", negative.error());
    assertEquals("field MaxItems must be positive", negative.cause());
  }

  @Test
  @DisplayName("ListObjectsV2 lists the bucket's objects in key order with ETag, size and storage class")
  void listObjects() throws Exception {
    StateMachine m = map("""
        {"Resource": "arn:aws:states:::s3:listObjectsV2", "Parameters": {"Bucket": "orders"}}""");
    Execution ex = EngineTestSupport.engine().s3Object("orders", "b.txt", "hello")
        .s3Object("orders", "a.txt", "").build().start(m, "{}");
    JsonNode items = output(ex);
    assertEquals(2, items.size());
    assertEquals("a.txt", items.get(0).path("Key").asText());
    assertEquals("\"5d41402abc4b2a76b9719d911017c592\"", items.get(1).path("Etag").asText());
    assertEquals(5, items.get(1).path("Size").asInt());
    assertEquals("STANDARD", items.get(1).path("StorageClass").asText());
  }

  @Test
  @DisplayName("an object that was not given fails with its s3:// name and how to give it")
  void missingObject() {
    Execution ex = run(map(getObject("{\"InputType\": \"JSON\"}")), "other.json", "[]");
    StateMachine m = map(getObject("{\"InputType\": \"JSON\"}"));
    Execution missing = EngineTestSupport.engine().build()
        .start(m, "{\"bucket\": \"orders\", \"key\": \"orders.json\"}");
    assertEquals(ExecutionStatus.SUCCEEDED, ex.status());
    assertEquals("States.ItemReaderFailed", missing.error());
    assertTrue(missing.cause().contains("s3://orders/orders.json")
        && missing.cause().contains("s3Object(bucket, key, body)"), missing.cause());
  }

  @Test
  @DisplayName("an ItemBatcher groups the selected items: BatchInput and at most MaxItemsPerBatch items")
  void itemBatcher() throws Exception {
    StateMachine m = StateMachine.parse("""
        {"StartAt": "Orders", "States": {"Orders": {"Type": "Map",
          "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
            "ReaderConfig": {"InputType": "JSON"}, "Parameters": {"Bucket": "orders", "Key": "o.json"}},
          "ItemSelector": {"id.$": "$$.Map.Item.Value.id", "index.$": "$$.Map.Item.Index"},
          "ItemBatcher": {"MaxItemsPerBatchPath": "$.perBatch", "BatchInput": {"day.$": "$.day"}},
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "Count", "States": {"Count": {"Type": "Pass",
              "Parameters": {"day.$": "$.BatchInput.day", "n.$": "States.ArrayLength($.Items)",
                "first.$": "$.Items[0]"}, "End": true}}},
          "End": true}}}""", Map.of());
    Execution ex = EngineTestSupport.engine()
        .s3Object("orders", "o.json", "[{\"id\": \"a\"}, {\"id\": \"b\"}, {\"id\": \"c\"}]")
        .build().start(m, "{\"perBatch\": 2, \"day\": \"mon\"}");
    assertEquals(JSON.readTree("""
        [{"day": "mon", "n": 2, "first": {"id": "a", "index": 0}},
         {"day": "mon", "n": 1, "first": {"id": "c", "index": 2}}]"""), output(ex));
  }

  @Test
  @DisplayName("MaxInputBytesPerBatch closes a batch before its JSON grows past the limit")
  void batchBytes() throws Exception {
    StateMachine m = StateMachine.parse("""
        {"StartAt": "Orders", "States": {"Orders": {"Type": "Map",
          "ItemBatcher": {"MaxInputBytesPerBatch": 30},
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "One", "States": {"One": {"Type": "Pass", "End": true}}},
          "End": true}}}""", Map.of());
    Execution ex = EngineTestSupport.engine().build().start(m, "[\"aaaaaa\", \"bbbbbb\", \"cccccc\"]");
    assertEquals(JSON.readTree("""
        [{"Items": ["aaaaaa", "bbbbbb"]}, {"Items": ["cccccc"]}]"""), output(ex));
  }
}
