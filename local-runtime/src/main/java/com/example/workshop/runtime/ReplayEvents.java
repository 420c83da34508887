package com.example.workshop.runtime;

import com.example.workshop.runtime.lambda.LocalLambda;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The events {@code scale} replays, read from a batch file: the records of an SQS event (each one a
 * message) or a JSON array (each element one synchronous invocation), repeated to the count asked
 * for. A repeated SQS message gets a messageId of its own, drawn from the seed, as SQS gives each
 * message sent.
 */
final class ReplayEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The records or events, as JSON text; sqs says which. */
  record Batch(boolean sqs, List<String> events) {
    /** {@code count} events: the file's in turn; SQS messages get fresh ids. */
    List<String> repeated(int count, long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      List<String> out = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String event = events.get(i % events.size());
        if (sqs && i >= events.size()) {
          ObjectNode record = (ObjectNode) tree(event);
          record.put("messageId", new UUID(random.nextLong() & ~0xF000L | 0x4000L,
              random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString());
          event = record.toString();
        }
        out.add(event);
      }
      return out;
    }

    /** The invocation events for measuring: SQS records grouped {@code batchSize} at a time. */
    List<String> invocations(List<String> replayed, int batchSize, int howMany) {
      if (!sqs) {
        return replayed.subList(0, Math.min(howMany, replayed.size()));
      }
      List<String> out = new ArrayList<>();
      for (int from = 0; out.size() < howMany && from < replayed.size(); from += batchSize) {
        ArrayNode records = JSON.createArrayNode();
        replayed.subList(from, Math.min(from + batchSize, replayed.size())).forEach(r -> records.add(tree(r)));
        out.add(JSON.createObjectNode().set("Records", records).toString());
      }
      return out;
    }
  }

  private ReplayEvents() {}

  /** Reads a batch; anything else is a {@link UsageException} saying what the file is instead. */
  static Batch read(String file, String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UsageException(file + " is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage());
    }
    String expected = "scale replays an SQS event ({\"Records\": [...]}, each record one message) or a JSON"
        + " array of events (each one a synchronous invocation)";
    if (root != null && root.isArray()) {
      List<String> events = new ArrayList<>();
      for (int i = 0; i < root.size(); i++) {
        String event = root.get(i).toString();
        try {
          LocalLambda.checkEvent(event);
        } catch (IllegalArgumentException e) {
          throw new UsageException(file + ": element " + i + ": " + e.getMessage());
        }
        events.add(event);
      }
      if (events.isEmpty()) {
        throw new UsageException(file + " is an empty array: nothing to replay");
      }
      return new Batch(false, events);
    }
    JsonNode records = root == null ? null : root.get("Records");
    if (records == null || !records.isArray() || records.isEmpty()) {
      throw new UsageException(file + " is not a batch: " + expected);
    }
    List<String> messages = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      JsonNode r = records.get(i);
      String source = r.path("eventSource").asText(r.path("EventSource").asText(""));
      if (!source.equals("aws:sqs")) {
        throw new UsageException(file + ": Records[" + i + "] is not an SQS message (eventSource '" + source + "'); "
            + expected);
      }
      if (r.path("eventSourceARN").asText("").endsWith(".fifo")) {
        throw new UsageException(file + ": Records[" + i + "] comes from a FIFO queue; scale replays standard queues"
            + " (a FIFO queue scales by message group)");
      }
      messages.add(r.toString());
    }
    return new Batch(true, messages);
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("re-reading JSON written here", e);
    }
  }
}
