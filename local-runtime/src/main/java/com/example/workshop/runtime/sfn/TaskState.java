package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;

/** Task: a Lambda function (direct ARN or lambda:invoke) or any mocked resource. */
final class TaskState extends State {
  final String resource;
  final PayloadTemplate parameters;
  final ErrorHandling handling;
  final Integer timeoutSeconds;
  final QueryPath timeoutSecondsPath;
  final Integer heartbeatSeconds;
  final QueryPath heartbeatSecondsPath;

  TaskState(String name, JsonNode node) {
    super(name, node);
    this.resource = node.path("Resource").asText();
    this.parameters = PayloadTemplate.compile(node.get("Parameters"));
    this.handling = new ErrorHandling(node);
    this.timeoutSeconds = integer(node, "TimeoutSeconds");
    this.timeoutSecondsPath = QueryPath.of(text(node, "TimeoutSecondsPath"));
    this.heartbeatSeconds = integer(node, "HeartbeatSeconds");
    this.heartbeatSecondsPath = QueryPath.of(text(node, "HeartbeatSecondsPath"));
  }
}
