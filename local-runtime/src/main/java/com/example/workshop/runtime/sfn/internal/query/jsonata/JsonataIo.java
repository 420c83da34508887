package com.example.workshop.runtime.sfn.internal.query.jsonata;

import com.example.workshop.runtime.sfn.internal.query.EvalContext;
import com.example.workshop.runtime.sfn.internal.query.StateIo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSONata input and output processing: Arguments (Task, Parallel), Output and Assign, with {@code
 * $states.input}, {@code $states.context} and, where the state has one, {@code $states.result}.
 */
public final class JsonataIo implements StateIo {
  private final JsonataTemplate arguments;
  private final JsonataTemplate output;
  private final JsonataTemplate assign;
  /** Task, Map and Parallel see {@code $states.result} in Output and Assign. */
  private final boolean bindsResult;

  public JsonataIo(JsonataTemplate arguments, JsonataTemplate output, JsonataTemplate assign,
      boolean bindsResult) {
    this.arguments = arguments;
    this.output = output;
    this.assign = assign;
    this.bindsResult = bindsResult;
  }

  /** A matched Choice rule's Output and Assign replace the state's. */
  public JsonataIo withRule(JsonataTemplate ruleOutput, JsonataTemplate ruleAssign) {
    return new JsonataIo(arguments, ruleOutput != null ? ruleOutput : output,
        ruleAssign != null ? ruleAssign : assign, bindsResult);
  }

  @Override
  public JsonNode input(JsonNode raw, EvalContext ctx) {
    return raw;
  }

  @Override
  public JsonNode effectiveInput(JsonNode raw, EvalContext ctx) {
    JsonNode effective =
        arguments == null ? raw : arguments.apply(States.of(raw, null, null, ctx), ctx);
    ctx.inspect("afterArguments", effective);
    return effective;
  }

  @Override
  public Exit withResult(JsonNode raw, JsonNode result, EvalContext ctx) {
    ctx.inspect("result", result);
    JsonNode states = States.of(raw, bindsResult ? result : null, null, ctx);
    ObjectNode assigned = assign(assign, states, ctx);
    return new Exit(output == null ? result : output.apply(states, ctx), assigned);
  }

  @Override
  public Exit passThrough(JsonNode raw, JsonNode input, EvalContext ctx) {
    JsonNode states = States.of(raw, null, null, ctx);
    ObjectNode assigned = assign(assign, states, ctx);
    return new Exit(output == null ? raw : output.apply(states, ctx), assigned);
  }

  static ObjectNode assign(JsonataTemplate assign, JsonNode states, EvalContext ctx) {
    JsonNode values = assign == null ? null : assign.apply(states, ctx);
    return values instanceof ObjectNode o && !o.isEmpty() ? o : null;
  }
}
