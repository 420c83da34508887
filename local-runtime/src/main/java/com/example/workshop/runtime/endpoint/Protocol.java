package com.example.workshop.runtime.endpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The AWS JSON 1.0 protocol as the SDKs and the AWS CLI speak it: {@code POST /} with
 * {@code X-Amz-Target: AWSStepFunctions.<Operation>} and a JSON body; the answer is the output
 * structure (HTTP 200) or {@code {"__type", "message"}} (HTTP 400, 500 for a fault of ours), with
 * an {@code x-amzn-RequestId}. Request signatures are not checked: any credentials work.
 */
final class Protocol implements HttpHandler {
  static final String TARGET_PREFIX = "AWSStepFunctions.";
  private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
  /** Largest request body read: a 1 MiB definition, JSON-escaped, fits. */
  private static final int MAX_BODY = 4 * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Function<Request, ObjectNode>> operations;
  private final PrintStream requestLog;

  Protocol(Map<String, Function<Request, ObjectNode>> operations, PrintStream requestLog) {
    this.operations = Map.copyOf(operations);
    this.requestLog = requestLog;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long t0 = System.nanoTime();
    String operation = "-";
    int status;
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        status = 200;
        send(exchange, status, "text/plain; charset=utf-8", ("local-runtime: the AWS Step Functions API."
            + " Point an AWS SDK or the AWS CLI here (--endpoint-url); requests are POST / with"
            + " X-Amz-Target: AWSStepFunctions.<Operation>.\n").getBytes(StandardCharsets.UTF_8));
        return;
      }
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      ObjectNode answer;
      try {
        operation = operationName(target);
        Function<Request, ObjectNode> op = operations.get(operation);
        if (op == null) {
          throw ApiError.unsupported(operation, null);
        }
        answer = op.apply(Request.parse(body(exchange.getRequestBody())));
        status = 200;
      } catch (ApiError e) {
        answer = error(e.type(), e.getMessage());
        status = e.status();
      } catch (RuntimeException e) {
        answer = error("InternalFailure", "local-runtime failed on " + operation + ": " + e);
        status = 500;
      }
      send(exchange, status, CONTENT_TYPE, JSON.writeValueAsBytes(answer));
    }
    if (requestLog != null) {
      requestLog.printf("%s %d %d ms%n", operation, status, (System.nanoTime() - t0) / 1_000_000);
    }
  }

  private static String operationName(String target) {
    if (target == null || !target.startsWith(TARGET_PREFIX)) {
      throw new ApiError("UnknownOperationException", "This endpoint answers the AWS Step Functions API:"
          + " the X-Amz-Target header must be AWSStepFunctions.<Operation>, got "
          + (target == null ? "none" : "'" + target + "'"));
    }
    return target.substring(TARGET_PREFIX.length());
  }

  private static byte[] body(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      throw ApiError.validation("The request body is larger than " + MAX_BODY + " bytes");
    }
    return bytes;
  }

  private static ObjectNode error(String type, String message) {
    ObjectNode e = Responses.object();
    e.put("__type", type);
    e.put("message", message);
    return e;
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
