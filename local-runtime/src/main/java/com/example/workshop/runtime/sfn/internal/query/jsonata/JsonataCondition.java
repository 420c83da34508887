package com.example.workshop.runtime.sfn.internal.query.jsonata;

import com.example.workshop.runtime.sfn.internal.query.Condition;
import com.example.workshop.runtime.sfn.internal.query.EvalContext;
import com.fasterxml.jackson.databind.JsonNode;

/** A JSONata Choice rule's Condition: true, false or an expression that must yield a boolean. */
public record JsonataCondition(JsonataTemplate condition) implements Condition {
  @Override
  public boolean test(JsonNode input, EvalContext ctx) {
    return condition.apply(States.of(input, null, null, ctx), ctx, "boolean").asBoolean();
  }
}
