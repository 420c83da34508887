package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.Limits;
import com.example.workshop.runtime.sfn.internal.model.PassState;
import com.fasterxml.jackson.databind.JsonNode;

/** Pass: its Result, or its effective input, through ResultPath and OutputPath (or Output). */
final class PassExecutor implements StateExecutor {
  @Override
  public Step step(Visit v) {
    PassState p = (PassState) v.state;
    JsonNode result = p.io().effectiveInput(v.input, v);
    if (p.result() != null) {
      if (p.resultBytes() > Limits.PAYLOAD_BYTES) {
        throw Visit.dataLimit(p.name());
      }
      result = p.result();
    }
    return v.exit(p.io().withResult(v.input, result, v), p.next());
  }
}
