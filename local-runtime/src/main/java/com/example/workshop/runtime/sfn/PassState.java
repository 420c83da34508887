package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/** Pass: Result (never evaluated, even with {@code .$} keys) or the effective input. */
final class PassState extends State {
  final PayloadTemplate parameters;
  final JsonNode result;
  final int resultBytes;
  final QueryPath resultPath;

  PassState(String name, JsonNode node, boolean machineJsonata) {
    super(name, node, machineJsonata);
    this.parameters = PayloadTemplate.compile(node.get("Parameters"));
    this.result = node.get("Result");
    this.resultBytes = result == null ? 0
        : Json.text(result).getBytes(StandardCharsets.UTF_8).length;
    this.resultPath = path(node, "ResultPath");
  }
}
