package com.example.workshop.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.amazonaws.services.lambda.runtime.tests.annotations.Events;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The fixtures hold what the services really send: loaded through the runtime's serializers
 * (aws-lambda-java-tests), every record has the fields its source always fills in.
 */
class FixturesTest {

  @ParameterizedTest
  @Events(
      type = SQSEvent.class,
      events = {
        @Event("events/sqs-order-batch.json"), @Event("events/sqs-poison-batch.json"),
        @Event("events/sqs-fifo-poison-batch.json"), @Event("events/sqs-redelivery.json")
      })
  @DisplayName("SQS: md5OfBody is the MD5 of the body, as SQS computes it")
  void sqs(SQSEvent event) throws Exception {
    assertFalse(event.getRecords().isEmpty());
    for (SQSEvent.SQSMessage m : event.getRecords()) {
      assertEquals("aws:sqs", m.getEventSource());
      assertNotNull(m.getMessageId());
      assertNotNull(m.getAttributes().get("ApproximateReceiveCount"));
      byte[] md5 =
          MessageDigest.getInstance("MD5").digest(m.getBody().getBytes(StandardCharsets.UTF_8));
      assertEquals(
          String.format("%032x", new BigInteger(1, md5)), m.getMd5OfBody(), m.getMessageId());
    }
  }

  @ParameterizedTest
  @Events(
      type = DynamodbEvent.class,
      events = {
        @Event("events/dynamodb-order-changes.json"),
        @Event("events/dynamodb-remove-and-ttl.json"),
        @Event("events/dynamodb-poison-batch.json")
      })
  @DisplayName("DynamoDB: images match the event name (INSERT no OldImage, REMOVE no NewImage)")
  void dynamoDb(DynamodbEvent event) {
    assertFalse(event.getRecords().isEmpty());
    for (DynamodbEvent.DynamodbStreamRecord r : event.getRecords()) {
      assertEquals("aws:dynamodb", r.getEventSource());
      assertNotNull(r.getDynamodb().getSequenceNumber());
      assertNotNull(r.getDynamodb().getKeys().get("orderId"));
      switch (r.getEventName()) {
        case "INSERT" -> assertNull(r.getDynamodb().getOldImage());
        case "REMOVE" -> assertNull(r.getDynamodb().getNewImage());
        default -> assertNotNull(r.getDynamodb().getNewImage());
      }
    }
  }

  @ParameterizedTest
  @Events(
      type = S3Event.class,
      events = {
        @Event("events/s3-order-uploaded.json"),
        @Event("events/s3-encoded-keys.json"),
        @Event("events/s3-outside-filter.json")
      })
  @DisplayName("S3: created objects carry size and ETag; every record has bucket, key, sequencer")
  void s3(S3Event event) {
    assertFalse(event.getRecords().isEmpty());
    event
        .getRecords()
        .forEach(
            r -> {
              assertEquals("aws:s3", r.getEventSource());
              assertNotNull(r.getS3().getBucket().getName());
              assertNotNull(r.getS3().getObject().getSequencer());
              if (r.getEventName().startsWith("ObjectCreated:")) {
                assertNotNull(r.getS3().getObject().getSizeAsLong());
                assertNotNull(r.getS3().getObject().geteTag());
              }
            });
  }

  @ParameterizedTest
  @Events(
      type = SNSEvent.class,
      events = {@Event("events/sns-order-placed.json"), @Event("events/sns-malformed-body.json")})
  @DisplayName("SNS: one Notification per event, with a MessageId and a timestamp")
  void sns(SNSEvent event) {
    assertEquals(1, event.getRecords().size());
    SNSEvent.SNS sns = event.getRecords().get(0).getSNS();
    assertEquals("aws:sns", event.getRecords().get(0).getEventSource());
    assertEquals("Notification", sns.getType());
    assertNotNull(sns.getMessageId());
    assertNotNull(sns.getTimestamp());
  }
}
