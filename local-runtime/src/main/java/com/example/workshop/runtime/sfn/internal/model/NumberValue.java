package com.example.workshop.runtime.sfn.internal.model;

import com.example.workshop.runtime.sfn.internal.query.jsonata.JsonataTemplate;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.QueryPath;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A numeric field (Seconds, TimeoutSeconds, MaxConcurrency, ...): a literal, its {@code ...Path}
 * twin (JSONPath) or a JSONata expression. Absent fields are null, not a value.
 */
public sealed interface NumberValue {
  /** The literal as written (validated at definition time). */
  record Literal(JsonNode value) implements NumberValue {}

  /** {@code SecondsPath}, {@code TimeoutSecondsPath}, ...: read from the state's input. */
  record Path(QueryPath path) implements NumberValue {}

  /** A JSONata field: a literal or a {@code {% %}} expression. */
  record Jsonata(JsonataTemplate template) implements NumberValue {}
}
