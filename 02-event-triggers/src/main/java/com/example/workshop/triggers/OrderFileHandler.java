package com.example.workshop.triggers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * S3 trigger (asynchronous): an order file was uploaded to the uploads bucket. The handler
 * registers the file for import with its decoded key, once per upload; it reads no object itself.
 *
 * <p>Keys arrive URL-encoded: a space as {@code +}, a {@code +} as {@code %2B}, non-ASCII as
 * percent-encoded UTF-8. The prefix and suffix rules are checked against the decoded key, and
 * anything else (another bucket, another prefix or suffix, a delete) is ignored, not read.
 */
public class OrderFileHandler implements RequestHandler<S3Event, OrderFileHandler.Summary> {
  private final OrderFileRules rules;
  private final Once once;
  private final Consumer<OrderFile> inbox;

  /** Used by Lambda: the rules come from ORDER_BUCKET, ORDER_FILE_PREFIX and ORDER_FILE_SUFFIX. */
  public OrderFileHandler() {
    this(
        OrderFileRules.fromEnvironment(System.getenv()),
        IdempotencyStore.fromEnvironment(System.getenv()),
        file -> {});
  }

  OrderFileHandler(OrderFileRules rules, IdempotencyStore store, Consumer<OrderFile> inbox) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.once = new Once(Objects.requireNonNull(store, "store"));
    this.inbox = Objects.requireNonNull(inbox, "inbox");
  }

  /** An uploaded order file, with its key decoded. */
  public record OrderFile(String bucket, String key, long size, String eTag) {}

  /** What this invocation did, keys decoded; Lambda discards it (asynchronous invocation). */
  public record Summary(List<String> accepted, List<String> ignored, List<String> duplicates) {}

  /** Which uploads are order files: the bucket (any when null), key prefix and key suffix. */
  public record OrderFileRules(String bucket, String prefix, String suffix) {
    public OrderFileRules {
      prefix = prefix == null ? "" : prefix;
      suffix = suffix == null ? "" : suffix;
    }

    static OrderFileRules fromEnvironment(Map<String, String> env) {
      return new OrderFileRules(
          env.get("ORDER_BUCKET"),
          env.getOrDefault("ORDER_FILE_PREFIX", "incoming/"),
          env.getOrDefault("ORDER_FILE_SUFFIX", ".json"));
    }

    boolean matches(String bucketName, String decodedKey) {
      return (bucket == null || bucket.equals(bucketName))
          && decodedKey.startsWith(prefix)
          && decodedKey.endsWith(suffix);
    }
  }

  @Override
  public Summary handleRequest(S3Event event, Context context) {
    List<String> accepted = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    List<String> duplicates = new ArrayList<>();
    // S3 sends an s3:TestEvent without Records when a notification is configured.
    List<S3EventNotificationRecord> records =
        event.getRecords() == null ? List.of() : event.getRecords();
    for (S3EventNotificationRecord record : records) {
      if (record.getS3() == null || record.getEventName() == null) {
        throw new IllegalArgumentException(
            "a record has no s3 section or eventName: not an S3 event (eventSource "
                + record.getEventSource()
                + ")");
      }
      String bucket = record.getS3().getBucket().getName();
      String key;
      try {
        key = record.getS3().getObject().getUrlDecodedKey();
      } catch (IllegalArgumentException e) { // S3 never sends such a key: skip this record, keep the rest
        ignored.add(record.getS3().getObject().getKey());
        context.getLogger().log("IGNORED s3://" + bucket + "/" + record.getS3().getObject().getKey()
            + ": the key is not URL-encoded the way S3 encodes keys (" + e.getMessage() + ")");
        continue;
      }
      if (!record.getEventName().startsWith("ObjectCreated:") || !rules.matches(bucket, key)) {
        ignored.add(key);
        context.getLogger().log("IGNORED " + record.getEventName() + " s3://" + bucket + "/" + key);
        continue;
      }
      Long size = record.getS3().getObject().getSizeAsLong();
      OrderFile file =
          new OrderFile(bucket, key, size == null ? 0 : size, record.getS3().getObject().geteTag());
      // The sequencer tells this upload of the key from a later one; a re-sent notification repeats
      // it.
      String eventKey =
          "s3://" + bucket + "/" + key + "#" + record.getS3().getObject().getSequencer();
      if (once.apply(eventKey, context, () -> inbox.accept(file))) {
        accepted.add(key);
        context.getLogger().log("ACCEPTED order file s3://" + bucket + "/" + key);
      } else {
        duplicates.add(key);
        context.getLogger().log("DUPLICATE skipped, order file s3://" + bucket + "/" + key);
      }
    }
    return new Summary(accepted, ignored, duplicates);
  }
}
