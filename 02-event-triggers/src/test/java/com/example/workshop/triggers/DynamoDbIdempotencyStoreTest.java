package com.example.workshop.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.triggers.TestContexts.MovableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The DynamoDB store with the real SDK client and HTTP client, talking to a scripted endpoint on
 * localhost: what it sends is checked as JSON on the wire, and DynamoDB's answers are replayed.
 */
class DynamoDbIdempotencyStoreTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-27T09:30:00Z");

  private final List<JsonNode> requests = new ArrayList<>();
  private final List<String> targets = new ArrayList<>();
  private final Deque<int[]> statuses = new ArrayDeque<>();
  private final Deque<String> bodies = new ArrayDeque<>();
  private HttpServer server;
  private DynamoDbClient client;
  private DynamoDbIdempotencyStore store;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          targets.add(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
          requests.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
          int status = statuses.isEmpty() ? 200 : statuses.poll()[0];
          byte[] body = (bodies.isEmpty() ? "{}" : bodies.poll()).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    client =
        DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .endpointOverride(URI.create("http://localhost:" + server.getAddress().getPort()))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
            .build();
    store =
        new DynamoDbIdempotencyStore(
            client, "orders-idempotency", new MovableClock(NOW), Duration.ofDays(1));
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop(0);
  }

  private void answer(int status, String body) {
    statuses.add(new int[] {status});
    bodies.add(body);
  }

  @Test
  @DisplayName("a claim is one conditional PutItem: absent, or its expiry has passed")
  void claimIsConditionalPut() {
    assertTrue(store.tryClaim("059f36b4-87a3-44ab-83d2-661975830a7d", Duration.ofSeconds(30)));

    assertEquals(List.of("DynamoDB_20120810.PutItem"), targets);
    JsonNode put = requests.get(0);
    assertEquals("orders-idempotency", put.get("TableName").asText());
    assertEquals(
        "attribute_not_exists(pk) OR expiresAt < :now", put.get("ConditionExpression").asText());
    assertEquals(
        Long.toString(NOW.getEpochSecond()), put.at("/ExpressionAttributeValues/:now/N").asText());
    assertEquals("059f36b4-87a3-44ab-83d2-661975830a7d", put.at("/Item/pk/S").asText());
    assertEquals("IN_PROGRESS", put.at("/Item/status/S").asText());
    assertEquals(
        Long.toString(NOW.plusSeconds(30).getEpochSecond()), put.at("/Item/expiresAt/N").asText());
  }

  @Test
  @DisplayName("DynamoDB's ConditionalCheckFailedException means a duplicate: the claim is refused")
  void conditionalCheckFailedIsDuplicate() {
    answer(
        400,
        "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\","
            + "\"message\":\"The conditional request failed\"}");

    assertFalse(store.tryClaim("m-1", Duration.ofSeconds(30)));
    assertEquals(1, requests.size(), "a failed condition is an answer, not something to retry");
  }

  @Test
  @DisplayName("any other error (a missing table) is not mistaken for a duplicate: it is thrown")
  void otherErrorsThrown() {
    answer(
        400,
        "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
            + "\"message\":\"Requested resource not found\"}");

    ResourceNotFoundException e =
        assertThrows(
            ResourceNotFoundException.class, () -> store.tryClaim("m-1", Duration.ofSeconds(30)));
    assertTrue(e.getMessage().contains("Requested resource not found"), e.getMessage());
  }

  @Test
  @DisplayName("complete writes COMPLETED with the retention as TTL; release deletes the record")
  void completeAndRelease() {
    store.complete("m-1");
    store.release("m-2");

    assertEquals(List.of("DynamoDB_20120810.PutItem", "DynamoDB_20120810.DeleteItem"), targets);
    assertEquals("COMPLETED", requests.get(0).at("/Item/status/S").asText());
    assertEquals(
        Long.toString(NOW.plus(Duration.ofDays(1)).getEpochSecond()),
        requests.get(0).at("/Item/expiresAt/N").asText());
    assertTrue(requests.get(0).path("ConditionExpression").isMissingNode());
    assertEquals("m-2", requests.get(1).at("/Key/pk/S").asText());
  }

  @Test
  @DisplayName("the claim request can be inspected without a network")
  void claimRequestOffline() {
    PutItemRequest request = store.claimRequest("m-9", Duration.ofMinutes(1));

    assertEquals(DynamoDbIdempotencyStore.CLAIM_CONDITION, request.conditionExpression());
    assertEquals(AttributeValue.fromS("m-9"), request.item().get("pk"));
    assertEquals(
        Map.of(":now", AttributeValue.fromN(Long.toString(NOW.getEpochSecond()))),
        request.expressionAttributeValues());
  }

  @Test
  @DisplayName("the handlers' store is DynamoDB when IDEMPOTENCY_TABLE is set, memory otherwise")
  void storeFromEnvironment() {
    assertInstanceOf(InMemoryIdempotencyStore.class, IdempotencyStore.fromEnvironment(Map.of()));
    assertInstanceOf(
        DynamoDbIdempotencyStore.class,
        IdempotencyStore.fromEnvironment(
            Map.of("IDEMPOTENCY_TABLE", "t", "AWS_REGION", "eu-west-1")));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> IdempotencyStore.fromEnvironment(Map.of("IDEMPOTENCY_TABLE", "t")));
    assertTrue(e.getMessage().contains("AWS_REGION is not set"), e.getMessage());
  }
}
