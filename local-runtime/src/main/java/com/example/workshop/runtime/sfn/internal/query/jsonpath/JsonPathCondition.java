package com.example.workshop.runtime.sfn.internal.query.jsonpath;

import com.example.workshop.runtime.sfn.internal.query.Condition;
import com.example.workshop.runtime.sfn.internal.query.EvalContext;
import com.fasterxml.jackson.databind.JsonNode;

/** A JSONPath Choice rule; {@code readsContext}: some path starts with {@code $$}. */
public record JsonPathCondition(ChoiceRule rule, boolean readsContext) implements Condition {
  @Override
  public boolean test(JsonNode input, EvalContext ctx) {
    return rule.matches(input, readsContext ? ctx.contextObject() : null, ctx.variables());
  }
}
