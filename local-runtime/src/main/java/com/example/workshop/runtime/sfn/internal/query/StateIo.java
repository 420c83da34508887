package com.example.workshop.runtime.sfn.internal.query;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How one state reads its input and shapes its output in its query language, chosen when the
 * definition is compiled: InputPath, Parameters, ResultSelector, ResultPath, OutputPath and Assign
 * (JSONPath), or Arguments, Output and Assign (JSONata).
 */
public interface StateIo {
  /** What Choice, Wait and Map read: the input after InputPath, or the raw input (JSONata). */
  JsonNode input(JsonNode raw, EvalContext ctx);

  /** What Pass, Task and Parallel work on: after InputPath and Parameters, or Arguments. */
  JsonNode effectiveInput(JsonNode raw, EvalContext ctx);

  /** Task, Map, Parallel and Pass finishing with {@code result}. */
  Exit withResult(JsonNode raw, JsonNode result, EvalContext ctx);

  /** Choice, Wait and Succeed finishing with the input they read ({@link #input}). */
  Exit passThrough(JsonNode raw, JsonNode input, EvalContext ctx);

  /**
   * A state's output and the variables it assigns (applied once the state has exited).
   *
   * @param assigned name → value, or null when the state assigns nothing
   */
  record Exit(JsonNode output, com.fasterxml.jackson.databind.node.ObjectNode assigned) {}
}
