package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.Ids;
import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;

/** The result of {@code arn:aws:states:::lambda:invoke}: the Invoke API's response around the payload. */
final class InvokeResponse {
  private InvokeResponse() {}

  static ObjectNode of(String payloadText, JsonNode payload, long nowMillis,
      RandomGenerator random) {
    int length = payloadText.getBytes(StandardCharsets.UTF_8).length;
    String requestId = Ids.uuid(random);
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        Instant.ofEpochMilli(nowMillis).atOffset(ZoneOffset.UTC));
    String traceId = "Root=1-" + Long.toHexString(nowMillis / 1000) + "-" + Ids.uuid(random)
        .replace("-", "").substring(0, 24);
    ObjectNode result = Json.object();
    result.put("ExecutedVersion", "$LATEST");
    result.set("Payload", payload);
    ObjectNode http = result.putObject("SdkHttpMetadata");
    ObjectNode all = http.putObject("AllHttpHeaders");
    all.putArray("X-Amz-Executed-Version").add("$LATEST");
    all.putArray("x-amzn-Remapped-Content-Length").add("0");
    all.putArray("Connection").add("keep-alive");
    all.putArray("x-amzn-RequestId").add(requestId);
    all.putArray("Content-Length").add(Integer.toString(length));
    all.putArray("Date").add(date);
    all.putArray("X-Amzn-Trace-Id").add(traceId);
    all.putArray("Content-Type").add("application/json");
    ObjectNode headers = http.putObject("HttpHeaders");
    headers.put("Connection", "keep-alive");
    headers.put("Content-Length", Integer.toString(length));
    headers.put("Content-Type", "application/json");
    headers.put("Date", date);
    headers.put("X-Amz-Executed-Version", "$LATEST");
    headers.put("x-amzn-Remapped-Content-Length", "0");
    headers.put("x-amzn-RequestId", requestId);
    headers.put("X-Amzn-Trace-Id", traceId);
    http.put("HttpStatusCode", 200);
    result.putObject("SdkResponseMetadata").put("RequestId", requestId);
    result.put("StatusCode", 200);
    return result;
  }
}
