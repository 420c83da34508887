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
  /** JSONata: Arguments (the effective input) and the seconds fields as templates. */
  final JsonataTemplate arguments;
  final JsonataTemplate timeoutTemplate;
  final JsonataTemplate heartbeatTemplate;

  TaskState(String name, JsonNode node, boolean machineJsonata) {
    super(name, node, machineJsonata);
    this.resource = node.path("Resource").asText();
    this.parameters = PayloadTemplate.compile(node.get("Parameters"));
    this.handling = new ErrorHandling(node, jsonata);
    this.timeoutSeconds = integer(node, "TimeoutSeconds");
    this.timeoutSecondsPath = QueryPath.of(text(node, "TimeoutSecondsPath"));
    this.heartbeatSeconds = integer(node, "HeartbeatSeconds");
    this.heartbeatSecondsPath = QueryPath.of(text(node, "HeartbeatSecondsPath"));
    this.arguments = jsonata ? JsonataTemplate.compile("Arguments", node.get("Arguments")) : null;
    this.timeoutTemplate = jsonata
        ? JsonataTemplate.compile("TimeoutSeconds", node.get("TimeoutSeconds")) : null;
    this.heartbeatTemplate = jsonata
        ? JsonataTemplate.compile("HeartbeatSeconds", node.get("HeartbeatSeconds")) : null;
  }
}
