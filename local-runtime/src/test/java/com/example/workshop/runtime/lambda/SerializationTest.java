package com.example.workshop.runtime.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Events are read the way the Lambda Java runtime reads them, not the way a plain ObjectMapper does. */
class SerializationTest {
  private static final String F = "com.example.workshop.runtime.lambda.fixtures.Fixtures$";
  private static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());

  private static String event(String name) throws IOException {
    try (InputStream in = SerializationTest.class.getResourceAsStream("/lambda/events/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String invoke(String handler, String event) {
    Invocation result = LocalLambda.builder(F + handler).logSink(QUIET).build().invoke(event);
    assertNull(result.errorType(), result.payload());
    return result.payload();
  }

  @Test
  @DisplayName("S3Event: a plain ObjectMapper fails on \"Records\" or silently drops them; the runtime reads them")
  void s3Event() throws Exception {
    String json = event("s3-put.json");
    UnrecognizedPropertyException e =
        assertThrows(UnrecognizedPropertyException.class, () -> new ObjectMapper().readValue(json, S3Event.class));
    assertEquals("Records", e.getPropertyName());
    S3Event lenient = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .readValue(json, S3Event.class);
    assertTrue(lenient.getRecords() == null || lenient.getRecords().isEmpty(),
        "lenient plain Jackson sees no records at all");

    assertEquals("[\"orders-inbox/incoming/order o-1001+gift.json\"]", invoke("S3Keys", json));
  }

  @Test
  @DisplayName("DynamodbEvent: PascalCase Keys/NewImage/OldImage and S/N attribute values are read as the runtime does")
  void dynamodbEvent() throws Exception {
    String json = event("dynamodb-stream.json");
    assertThrows(UnrecognizedPropertyException.class, () -> new ObjectMapper().readValue(json, DynamodbEvent.class));

    assertEquals("[\"INSERT:o-1001:new-image\",\"REMOVE:o-1000:no-new-image\"]", invoke("DynamoNames", json));
  }

  @Test
  @DisplayName("SNSEvent: the Sns record and its Joda timestamp are built by the runtime's serializer")
  void snsEvent() throws Exception {
    assertEquals("[\"OrderPlaced@2026\"]", invoke("SnsSubjects", event("sns-notification.json")));
  }

  @Test
  @DisplayName("@JsonProperty on your own POJO is ignored: the runtime's Jackson is relocated")
  void jsonPropertyIgnored() {
    assertEquals("\"B-2\"", invoke("Methods::annotated", "{\"order_id\":\"A-1\",\"orderId\":\"B-2\"}"));
    assertEquals("null", invoke("Methods::annotated", "{\"order_id\":\"A-1\"}"));
  }

  @Test
  @DisplayName("records work as input and output; null fields are left out of the response")
  void records() {
    String out = invoke("Methods::receipt", "{\"orderId\":\"o-4\",\"customerId\":\"c-1\",\"amount\":10,\"extra\":true}");
    assertEquals("{\"orderId\":\"o-4\",\"amountWithTax\":\"11.00\"}", out);
  }

  @Test
  @DisplayName("malformed input for a typed handler fails with the runtime's parsing error")
  void parsingError() {
    Invocation result = LocalLambda.builder(F + "Methods::receipt").logSink(QUIET).build().invoke("[1,2]");
    assertEquals("java.lang.RuntimeException", result.errorType());
    assertTrue(result.payload().contains("\"errorMessage\":\"An error occurred during JSON parsing\""),
        result.payload());
  }
}
