package com.example.workshop.tools.conformance;

import com.example.workshop.runtime.endpoint.StepFunctionsEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A case of conformance-next's {@code express/} group, replayed over the Step Functions API of
 * {@link StepFunctionsEndpoint} (one per recorded test's machine: the cases of a file with the same
 * type and definition share it): CreateStateMachine with the case's type and definition, then the
 * case's call. StartSyncExecution
 * is compared with the recorded response; StartExecution of an EXPRESS machine with the last event
 * its CloudWatch log received (the endpoint's execution log at level ALL); every other call with
 * the recorded error name and message.
 */
final class ExpressCheck implements CaseCheck {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /**
   * The endpoint of the machine being replayed (a file and definition: a test's machine), its
   * execution log and its last execution ARN.
   */
  private String machine;
  private StepFunctionsEndpoint endpoint;
  private ByteArrayOutputStream log;
  private String lastExecutionArn;

  @Override
  public String check(VectorFile vectors, JsonNode c) {
    String definition = definition(vectors, c);
    String type = c.path("type").asText("STANDARD");
    String key = vectors.path() + " " + type + " " + definition;
    if (!key.equals(machine)) {
      open(vectors);
      machine = key;
    }
    ObjectNode create = MAPPER.createObjectNode();
    create.put("name", ExecutionCheck.MACHINE);
    create.put("definition", definition);
    create.put("roleArn", ExecutionCheck.ROLE);
    create.put("type", type);
    create.putObject("loggingConfiguration").put("level", "ALL").put("includeExecutionData", true);
    String api = c.path("api").asText();
    Answer created = call("CreateStateMachine", create);
    if (api.equals("CreateStateMachine")) {
      return compare(c, created);
    }
    if (created.error() != null) {
      return "CreateStateMachine refused: " + created.body();
    }
    String machineArn = created.body().path("stateMachineArn").asText();
    return switch (api) {
      case "StartSyncExecution" -> startSync(c, machineArn);
      case "StartExecution" -> start(c, machineArn);
      case "ListExecutions", "DescribeExecution", "StopExecution", "GetExecutionHistory" ->
          compare(c, call(api, request(c, machineArn)));
      default -> throw new CannotReplay("the API call " + api + " is not replayed here");
    };
  }

  private void open(VectorFile vectors) {
    if (endpoint != null) {
      endpoint.close();
    }
    lastExecutionArn = null;
    log = new ByteArrayOutputStream();
    endpoint = StepFunctionsEndpoint.builder(ExecutionCheck.engine(vectors))
        .accountId(ExecutionCheck.ACCOUNT).region(ExecutionCheck.REGION).port(0)
        .executionLog(new PrintStream(log, true, StandardCharsets.UTF_8)).start();
  }

  /**
   * The case's definition; an activity ARN the test created and the recording masked
   * ({@code recorded_extra.create_activity_output}) becomes an activity ARN of the recording's
   * account, which is what AWS was given.
   */
  private static String definition(VectorFile vectors, JsonNode c) {
    String text = c.path("definition").toString();
    for (JsonNode cs : vectors.cases()) {
      JsonNode activity = cs.path("recorded_extra").path("create_activity_output")
          .path("activityArn");
      if (activity.isTextual()) {
        text = text.replace("\"" + activity.asText() + "\"", "\"arn:aws:states:"
            + ExecutionCheck.REGION + ":" + ExecutionCheck.ACCOUNT + ":activity:OrderActivity\"");
      }
    }
    return text;
  }

  private String startSync(JsonNode c, String machineArn) {
    Answer a = call("StartSyncExecution", startRequest(c, machineArn));
    if (!c.has("expected_response")) {
      return compare(c, a);
    }
    if (a.error() != null) {
      return "StartSyncExecution refused: " + a.body();
    }
    lastExecutionArn = a.body().path("executionArn").asText();
    JsonNode want = c.get("expected_response").deepCopy();
    ObjectNode got = (ObjectNode) Expected.snapshotForm(a.body());
    String billing = billing(want.path("billingDetails"), got.path("billingDetails"));
    if (billing != null) {
      return billing;
    }
    ((ObjectNode) want).remove("billingDetails");
    got.remove("billingDetails");
    return Expected.matches(want, got) ? null
        : "StartSyncExecution " + got + ", expected " + want;
  }

  /**
   * billingDetails: the same memory; a duration billed in 100 ms steps, no more than AWS billed
   * (AWS's includes real Lambda latency; local fakes answer at once in virtual time).
   */
  private static String billing(JsonNode want, JsonNode got) {
    long ms = got.path("billedDurationInMilliseconds").asLong(-1);
    long recorded = want.path("billedDurationInMilliseconds").asLong();
    if (!want.path("billedMemoryUsedInMB").equals(got.path("billedMemoryUsedInMB"))
        || ms < 100 || ms % 100 != 0 || ms > recorded) {
      return "billingDetails " + got + ", expected " + want
          + " (duration: a multiple of 100 ms, at most the recorded one)";
    }
    return null;
  }

  private String start(JsonNode c, String machineArn) {
    Answer a = call("StartExecution", startRequest(c, machineArn));
    if (a.error() != null) {
      return compare(c, a);
    }
    lastExecutionArn = a.body().path("executionArn").asText();
    JsonNode last = null;
    for (String line : log.toString(StandardCharsets.UTF_8).split("\n")) {
      JsonNode event = line.isBlank() ? null : Expected.parseOrNull(line);
      if (event != null && lastExecutionArn.equals(event.path("execution_arn").asText())) {
        last = event;
      }
    }
    if (last == null) {
      return "no log event for " + lastExecutionArn;
    }
    JsonNode got = Expected.snapshotForm(last);
    if (got.path("details").isObject()) {
      ((ObjectNode) got).set("details", Expected.snapshotForm(got.get("details")));
    }
    JsonNode want = c.get("expected_log_end_event");
    return Expected.matches(want, got) ? null : "last log event " + got + ", expected " + want;
  }

  private static ObjectNode startRequest(JsonNode c, String machineArn) {
    ObjectNode r = MAPPER.createObjectNode();
    r.put("stateMachineArn", machineArn);
    r.put("input", c.path("input").toString());
    if (c.hasNonNull("execution_name")) {
      r.put("name", c.get("execution_name").asText());
    }
    return r;
  }

  /**
   * The recorded request with its masked ARNs replaced: the machine's by the created one, an
   * execution's by the one an earlier case of the file started.
   */
  private ObjectNode request(JsonNode c, String machineArn) {
    ObjectNode r = c.path("request").deepCopy();
    if (r.has("stateMachineArn")) {
      r.put("stateMachineArn", machineArn);
    }
    if (r.has("executionArn")) {
      if (lastExecutionArn == null) {
        throw new CannotReplay("the request names an execution no earlier case of the file started");
      }
      r.put("executionArn", lastExecutionArn);
    }
    return r;
  }

  /** An error case: the same error name and message; a success case: its expected_response. */
  private static String compare(JsonNode c, Answer a) {
    if (c.has("expected_error")) {
      JsonNode want = c.get("expected_error");
      if (a.error() == null) {
        return "succeeded (" + a.body() + "), expected " + want;
      }
      boolean same = want.path("code").asText().equals(a.error())
          && want.path("message").asText().equals(a.body().path("message").asText());
      return same ? null : "error " + a.error() + ": " + a.body().path("message").asText()
          + ", expected " + want.path("code").asText() + ": " + want.path("message").asText();
    }
    if (a.error() != null) {
      return "refused " + a.body();
    }
    JsonNode want = c.path("expected_response");
    return Expected.matches(want, Expected.snapshotForm(a.body())) ? null
        : "response " + a.body() + ", expected " + want;
  }

  /** One answer of the API: the body, and the error name when it was an error. */
  private record Answer(JsonNode body, String error) {}

  private Answer call(String operation, ObjectNode body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url() + "/"))
        .header("Content-Type", "application/x-amz-json-1.0")
        .header("X-Amz-Target", "AWSStepFunctions." + operation)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode answer = MAPPER.readTree(response.body());
      return new Answer(answer, response.statusCode() == 200 ? null
          : answer.path("__type").asText());
    } catch (IOException e) {
      throw new UncheckedIOException(operation + " on " + endpoint.url() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
