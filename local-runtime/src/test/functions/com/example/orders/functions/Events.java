package com.example.orders.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The aws-lambda-java-events types the lessons use, read and written back by the runtime's serializers. */
public final class Events {
  private Events() {}

  /** Reads the event and writes it back: the serializers of its type, both ways. */
  public abstract static class Echo<T> implements RequestHandler<T, T> {
    @Override
    public T handleRequest(T event, Context context) {
      return event;
    }
  }

  public static class SqsEcho extends Echo<SQSEvent> {}

  public static class S3Echo extends Echo<S3Event> {}

  public static class SnsEcho extends Echo<SNSEvent> {}

  public static class DynamoEcho extends Echo<DynamodbEvent> {}

  public static class ScheduledEcho extends Echo<ScheduledEvent> {}

  /** What each record looks like to a handler: the getters the lessons call. */
  public static class Summaries {
    public List<String> sqs(SQSEvent event) {
      List<String> out = new ArrayList<>();
      for (SQSEvent.SQSMessage m : event.getRecords()) {
        out.add(m.getMessageId() + " " + m.getBody() + " " + m.getAttributes() + " " + m.getMessageAttributes());
      }
      return out;
    }

    public List<String> s3(S3Event event) {
      List<String> out = new ArrayList<>();
      event.getRecords().forEach(r -> out.add(r.getEventName() + " " + r.getS3().getBucket().getName() + " "
          + r.getS3().getObject().getKey() + " " + r.getS3().getObject().getUrlDecodedKey() + " "
          + r.getS3().getObject().getSizeAsLong() + " " + r.getEventTime()));
      return out;
    }

    public List<String> sns(SNSEvent event) {
      List<String> out = new ArrayList<>();
      for (SNSEvent.SNSRecord r : event.getRecords()) {
        Map<String, SNSEvent.MessageAttribute> attributes = r.getSNS().getMessageAttributes();
        out.add(r.getSNS().getMessageId() + " " + r.getSNS().getSubject() + " " + r.getSNS().getTimestamp() + " "
            + (attributes == null ? null : attributes.keySet()));
      }
      return out;
    }

    public List<String> dynamodb(DynamodbEvent event) {
      List<String> out = new ArrayList<>();
      for (DynamodbEvent.DynamodbStreamRecord r : event.getRecords()) {
        out.add(r.getEventID() + " " + r.getEventName() + " " + r.getDynamodb().getKeys() + " "
            + r.getDynamodb().getNewImage() + " " + r.getDynamodb().getSequenceNumber() + " "
            + r.getDynamodb().getApproximateCreationDateTime());
      }
      return out;
    }
  }

  public static class Api implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
      return new APIGatewayProxyResponseEvent()
          .withStatusCode(request.getBody() == null ? 400 : 201)
          .withHeaders(Map.of("Content-Type", "application/json"))
          .withBody("{\"path\":\"" + request.getPath() + "\",\"method\":\"" + request.getHttpMethod() + "\"}");
    }
  }

  public static class ApiEcho extends Echo<APIGatewayProxyRequestEvent> {}

  /** Fails every message whose body is not a JSON object. */
  public static class QueueBatch implements RequestHandler<SQSEvent, SQSBatchResponse> {
    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
      List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
      for (SQSEvent.SQSMessage m : event.getRecords()) {
        if (m.getBody() == null || !m.getBody().startsWith("{")) {
          failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
        }
      }
      return new SQSBatchResponse(failures);
    }
  }

  /** Fails every REMOVE record, by sequence number. */
  public static class StreamBatch implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
      List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
      for (DynamodbEvent.DynamodbStreamRecord r : event.getRecords()) {
        if ("REMOVE".equals(r.getEventName())) {
          failures.add(new StreamsEventResponse.BatchItemFailure(r.getDynamodb().getSequenceNumber()));
        }
      }
      return new StreamsEventResponse(failures);
    }
  }
}
