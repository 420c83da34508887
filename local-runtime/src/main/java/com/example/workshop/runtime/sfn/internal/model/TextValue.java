package com.example.workshop.runtime.sfn.internal.model;

import com.example.workshop.runtime.sfn.internal.query.jsonata.JsonataTemplate;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.PayloadTemplate;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.QueryPath;

/** A text field (Timestamp, Error, Cause): a literal, a path, an expression or JSONata. */
public sealed interface TextValue {
  record Literal(String value) implements TextValue {}

  /** {@code TimestampPath}: a reference path on the state's input. */
  record Path(QueryPath path) implements TextValue {}

  /** {@code ErrorPath}, {@code CausePath}: a path or an intrinsic function returning a string. */
  record Expression(String source, PayloadTemplate.Node node) implements TextValue {}

  record Jsonata(JsonataTemplate template) implements TextValue {}
}
