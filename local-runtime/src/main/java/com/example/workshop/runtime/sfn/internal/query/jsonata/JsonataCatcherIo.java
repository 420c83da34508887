package com.example.workshop.runtime.sfn.internal.query.jsonata;

import com.example.workshop.runtime.sfn.internal.query.CatcherIo;
import com.example.workshop.runtime.sfn.internal.query.EvalContext;
import com.example.workshop.runtime.sfn.internal.query.StateIo.Exit;
import com.fasterxml.jackson.databind.JsonNode;

/** A JSONata catcher: Output (default: the error output) and Assign, with $states.errorOutput. */
public record JsonataCatcherIo(JsonataTemplate output, JsonataTemplate assign)
    implements CatcherIo {
  @Override
  public Exit apply(JsonNode raw, JsonNode errorOutput, EvalContext ctx) {
    JsonNode states = States.of(raw, null, errorOutput, ctx);
    var assigned = JsonataIo.assign(assign, states, ctx);
    return new Exit(output == null ? errorOutput : output.apply(states, ctx), assigned);
  }
}
