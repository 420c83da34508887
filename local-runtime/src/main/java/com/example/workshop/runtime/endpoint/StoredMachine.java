package com.example.workshop.runtime.endpoint;

import com.example.workshop.runtime.sfn.StateMachine;
import com.example.workshop.runtime.sfn.StateMachineType;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A created state machine: what CreateStateMachine was given (the definition text as sent, which
 * DescribeStateMachine returns) and the compiled definition its executions run.
 */
record StoredMachine(String arn, String name, StateMachineType type, String definition, String roleArn,
    Instant created, JsonNode logging, JsonNode tracing, StateMachine compiled) {

  /** CreateStateMachine is idempotent when these are the same (roleArn and tags aside). */
  boolean sameAs(StoredMachine other) {
    return definition.equals(other.definition) && type == other.type
        && Objects.equals(logging, other.logging) && Objects.equals(tracing, other.tracing);
  }

  /** The CloudWatch Logs level (OFF, ALL, ERROR, FATAL) its executions log at. */
  String logLevel() {
    return logging.path("level").asText("OFF");
  }

  boolean logsExecutionData() {
    return logging.path("includeExecutionData").asBoolean(false);
  }
}
