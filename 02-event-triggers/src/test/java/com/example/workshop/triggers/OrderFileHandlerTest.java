package com.example.workshop.triggers;

import static com.example.workshop.triggers.TestContexts.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.example.workshop.triggers.OrderFileHandler.OrderFile;
import com.example.workshop.triggers.OrderFileHandler.OrderFileRules;
import com.example.workshop.triggers.TestContexts.LogLines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class OrderFileHandlerTest {
  static final String BUCKET = "orders-uploads-123456789012-us-east-1";

  private final List<OrderFile> inbox = new ArrayList<>();
  private final LogLines log = new LogLines();
  private final OrderFileHandler handler =
      new OrderFileHandler(
          new OrderFileRules(BUCKET, "incoming/", ".json"),
          new InMemoryIdempotencyStore(),
          inbox::add);

  @ParameterizedTest
  @Event(value = "events/s3-order-uploaded.json", type = S3Event.class)
  @DisplayName("an uploaded order file is registered with its bucket, key, size and ETag")
  void uploadedFile(S3Event event) {
    OrderFileHandler.Summary summary = handler.handleRequest(event, context("order-files", log));

    assertEquals(List.of("incoming/order-1001.json"), summary.accepted());
    assertEquals(
        List.of(
            new OrderFile(
                BUCKET, "incoming/order-1001.json", 1024, "0123456789abcdef0123456789abcdef")),
        inbox);
  }

  @ParameterizedTest
  @Event(value = "events/s3-encoded-keys.json", type = S3Event.class)
  @DisplayName(
      "keys are URL-decoded: '+' is a space, %2B is '+', non-ASCII is percent-encoded UTF-8")
  void decodedKeys(S3Event event) {
    assertEquals(
        "incoming/summer+sale+order.json",
        event.getRecords().get(0).getS3().getObject().getKey(),
        "fixture: the key as S3 sends it");

    OrderFileHandler.Summary summary = handler.handleRequest(event, context("order-files", log));

    List<String> expected =
        List.of(
            "incoming/summer sale order.json", "incoming/order+1002.json", "incoming/주문-1003.json");
    assertEquals(expected, summary.accepted());
    assertEquals(expected, inbox.stream().map(OrderFile::key).toList());
  }

  @ParameterizedTest
  @Event(value = "events/s3-outside-filter.json", type = S3Event.class)
  @DisplayName("other prefixes, other suffixes, deletes and other buckets are ignored, not read")
  void outsideFilterIgnored(S3Event event) {
    OrderFileHandler.Summary summary = handler.handleRequest(event, context("order-files", log));

    assertEquals(List.of(), summary.accepted());
    assertEquals(4, summary.ignored().size());
    assertEquals(List.of(), inbox);
    assertTrue(log.anyContains("IGNORED ObjectRemoved:Delete"), log.lines.toString());
  }

  @Test
  @DisplayName("a key that is not URL-encoded as S3 encodes keys is skipped; the other records still count")
  void malformedKeySkipped() throws Exception {
    String json = java.nio.file.Files.readString(java.nio.file.Path.of("events/s3-encoded-keys.json"))
        .replace("incoming/summer+sale+order.json", "incoming/%.json");
    S3Event event = com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers
        .serializerFor(S3Event.class, getClass().getClassLoader()).fromJson(json);

    OrderFileHandler.Summary summary = handler.handleRequest(event, context("order-files", log));

    assertEquals(List.of("incoming/%.json"), summary.ignored());
    assertEquals(List.of("incoming/order+1002.json", "incoming/주문-1003.json"), summary.accepted());
    assertTrue(log.anyContains("not URL-encoded"), log.lines.toString());
  }

  @Test
  @DisplayName(
      "the same notification delivered twice (same key and sequencer) registers the file once")
  void duplicateNotification() {
    handler.handleRequest(
        EventLoader.loadS3Event("events/s3-order-uploaded.json"), context("f", log));
    OrderFileHandler.Summary second =
        handler.handleRequest(
            EventLoader.loadS3Event("events/s3-order-uploaded.json"), context("f", log));

    assertEquals(List.of("incoming/order-1001.json"), second.duplicates());
    assertEquals(1, inbox.size());
  }

  @Test
  @DisplayName("the prefix is matched against the decoded key, not the encoded one")
  void prefixMatchesDecodedKey() {
    OrderFileHandler spaced =
        new OrderFileHandler(
            new OrderFileRules(null, "incoming/summer sale", ".json"),
            new InMemoryIdempotencyStore(),
            inbox::add);

    spaced.handleRequest(EventLoader.loadS3Event("events/s3-encoded-keys.json"), context("f", log));

    assertEquals(
        List.of("incoming/summer sale order.json"), inbox.stream().map(OrderFile::key).toList());
  }

  @Test
  @DisplayName("the s3:TestEvent sent when a notification is configured (no Records) does nothing")
  void testEventWithoutRecords() {
    S3Event event = new S3Event(null);

    OrderFileHandler.Summary summary = handler.handleRequest(event, context("order-files", log));

    assertEquals(List.of(), summary.accepted());
    assertEquals(List.of(), inbox);
  }

  @Test
  @DisplayName("without configuration the rules are incoming/ and .json, for any bucket")
  void defaultRules() {
    OrderFileRules rules = OrderFileRules.fromEnvironment(Map.of());

    assertEquals(new OrderFileRules(null, "incoming/", ".json"), rules);
    assertTrue(rules.matches("any-bucket", "incoming/a.json"));
  }
}
