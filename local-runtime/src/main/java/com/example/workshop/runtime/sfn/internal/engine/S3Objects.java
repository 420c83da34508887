package com.example.workshop.runtime.sfn.internal.engine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The S3 objects a LocalStepFunctions was given, by bucket and key (in key order, as S3 lists
 * them): what a distributed Map's ItemReader reads.
 */
public final class S3Objects {
  /** One object: its text and when it was put. */
  public record S3Object(String key, String body, Instant lastModified) {
    public int size() {
      return body.getBytes(StandardCharsets.UTF_8).length;
    }
  }

  private final Map<String, ConcurrentSkipListMap<String, S3Object>> buckets =
      new ConcurrentSkipListMap<>();

  public void put(String bucket, String key, String body, Instant at) {
    buckets.computeIfAbsent(bucket, b -> new ConcurrentSkipListMap<>())
        .put(key, new S3Object(key, body, at));
  }

  /** The object, or null when there is none. */
  public S3Object get(String bucket, String key) {
    Map<String, S3Object> objects = buckets.get(bucket);
    return objects == null ? null : objects.get(key);
  }

  public boolean hasBucket(String bucket) {
    return buckets.containsKey(bucket);
  }

  /** The bucket's objects whose key starts with {@code prefix} (null: all), in key order. */
  public List<S3Object> list(String bucket, String prefix) {
    Map<String, S3Object> objects = buckets.getOrDefault(bucket, new ConcurrentSkipListMap<>());
    return objects.values().stream()
        .filter(o -> prefix == null || o.key().startsWith(prefix)).toList();
  }
}
