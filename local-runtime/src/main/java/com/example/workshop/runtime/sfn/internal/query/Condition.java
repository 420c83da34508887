package com.example.workshop.runtime.sfn.internal.query;

import com.fasterxml.jackson.databind.JsonNode;

/** A Choice rule's test: a JSONPath comparison tree or a JSONata Condition. */
public interface Condition {
  /** {@code input}: what the Choice state reads ({@link StateIo#input}). */
  boolean test(JsonNode input, EvalContext ctx);
}
