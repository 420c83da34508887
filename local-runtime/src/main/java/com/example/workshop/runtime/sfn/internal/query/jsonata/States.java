package com.example.workshop.runtime.sfn.internal.query.jsonata;

import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.query.EvalContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The reserved {@code $states} variable: input, context and, where they exist, result and errorOutput. */
public final class States {
  private States() {}

  public static JsonNode of(JsonNode input, JsonNode result, JsonNode errorOutput,
      EvalContext ctx) {
    ObjectNode states = Json.object();
    states.set("input", input);
    if (result != null) {
      states.set("result", result);
    }
    if (errorOutput != null) {
      states.set("errorOutput", errorOutput);
    }
    states.set("context", ctx.contextObject());
    return states;
  }
}
