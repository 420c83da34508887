package com.example.workshop.runtime.sfn.internal.query.jsonpath;

import com.example.workshop.runtime.sfn.internal.query.CatcherIo;
import com.example.workshop.runtime.sfn.internal.query.EvalContext;
import com.example.workshop.runtime.sfn.internal.query.StateIo.Exit;
import com.fasterxml.jackson.databind.JsonNode;

/** A JSONPath catcher: Assign ({@code $} = the error output), then ResultPath (default {@code $}). */
public record JsonPathCatcherIo(QueryPath resultPath, PayloadTemplate assign) implements CatcherIo {
  @Override
  public Exit apply(JsonNode raw, JsonNode errorOutput, EvalContext ctx) {
    return new Exit(JsonPathIo.resultPath(resultPath, raw, errorOutput),
        JsonPathIo.assign(assign, errorOutput, ctx));
  }
}
