package com.example.workshop.runtime.sfn.internal.model;

import com.example.workshop.runtime.sfn.internal.query.StateIo;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Pass: {@code Result} (never evaluated, even with {@code .$} keys) or the effective input.
 * {@code next}: null for {@code "End": true}.
 */
public record PassState(String name, String next, StateIo io, JsonNode result, int resultBytes)
    implements State {
  @Override
  public StateType type() {
    return StateType.PASS;
  }
}
