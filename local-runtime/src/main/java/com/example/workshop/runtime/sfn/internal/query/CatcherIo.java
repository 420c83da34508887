package com.example.workshop.runtime.sfn.internal.query;

import com.fasterxml.jackson.databind.JsonNode;

/** What a catcher makes of the error output: ResultPath and Assign, or Output and Assign. */
public interface CatcherIo {
  StateIo.Exit apply(JsonNode raw, JsonNode errorOutput, EvalContext ctx);
}
