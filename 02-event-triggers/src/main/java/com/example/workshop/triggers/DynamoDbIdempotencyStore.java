package com.example.workshop.triggers;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Idempotency records in a DynamoDB table (partition key {@code pk}, TTL attribute {@code
 * expiresAt}). A claim is one conditional put: it succeeds only when no record exists or the
 * existing one has expired, so two concurrent deliveries cannot both win. DynamoDB's TTL deletes
 * old records eventually (hours or days later), which is why the condition checks the expiry itself
 * instead of trusting TTL.
 */
public final class DynamoDbIdempotencyStore implements IdempotencyStore {
  static final String CLAIM_CONDITION = "attribute_not_exists(pk) OR expiresAt < :now";

  private final DynamoDbClient dynamoDb;
  private final String tableName;
  private final Clock clock;
  private final Duration retention;

  public DynamoDbIdempotencyStore(
      DynamoDbClient dynamoDb, String tableName, Clock clock, Duration retention) {
    this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.retention = Objects.requireNonNull(retention, "retention");
  }

  /**
   * A store with its own client, built here once: handlers call this from their constructor, which
   * Lambda runs once per execution environment, so every invocation reuses the client and its
   * connections. Region and credentials come from the variables Lambda sets, with no lookup chain.
   */
  public static DynamoDbIdempotencyStore create(String tableName, String region) {
    if (region == null || region.isBlank()) {
      throw new IllegalStateException(
          "AWS_REGION is not set: Lambda sets it; for a local run unset IDEMPOTENCY_TABLE to use"
              + " memory");
    }
    DynamoDbClient client =
        DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.of(region))
            .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
            .build();
    return new DynamoDbIdempotencyStore(client, tableName, Clock.systemUTC(), DEFAULT_RETENTION);
  }

  @Override
  public boolean tryClaim(String key, Duration lockFor) {
    try {
      dynamoDb.putItem(claimRequest(key, lockFor));
      return true;
    } catch (ConditionalCheckFailedException duplicate) {
      return false;
    }
  }

  @Override
  public void complete(String key) {
    dynamoDb.putItem(
        PutItemRequest.builder()
            .tableName(tableName)
            .item(item(key, "COMPLETED", epochSeconds(retention)))
            .build());
  }

  @Override
  public void release(String key) {
    dynamoDb.deleteItem(
        DeleteItemRequest.builder()
            .tableName(tableName)
            .key(Map.of("pk", AttributeValue.fromS(key)))
            .build());
  }

  PutItemRequest claimRequest(String key, Duration lockFor) {
    return PutItemRequest.builder()
        .tableName(tableName)
        .item(item(key, "IN_PROGRESS", epochSeconds(lockFor)))
        .conditionExpression(CLAIM_CONDITION)
        .expressionAttributeValues(
            Map.of(":now", AttributeValue.fromN(Long.toString(clock.instant().getEpochSecond()))))
        .build();
  }

  private long epochSeconds(Duration fromNow) {
    return clock.instant().plus(fromNow).getEpochSecond();
  }

  private static Map<String, AttributeValue> item(String key, String status, long expiresAt) {
    return Map.of(
        "pk", AttributeValue.fromS(key),
        "status", AttributeValue.fromS(status),
        "expiresAt", AttributeValue.fromN(Long.toString(expiresAt)));
  }
}
