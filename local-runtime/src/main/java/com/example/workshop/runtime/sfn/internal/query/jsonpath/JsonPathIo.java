package com.example.workshop.runtime.sfn.internal.query.jsonpath;

import com.example.workshop.runtime.sfn.internal.asl.ErrorNames;
import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import com.example.workshop.runtime.sfn.internal.query.EvalContext;
import com.example.workshop.runtime.sfn.internal.query.StateIo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSONPath input and output processing: InputPath → Parameters → (work) → ResultSelector →
 * ResultPath → OutputPath, and Assign. Paths are null for their JSON-null form ({@code "InputPath":
 * null}); absent paths are {@code $}; absent templates are null.
 */
public final class JsonPathIo implements StateIo {
  private final QueryPath inputPath;
  private final PayloadTemplate parameters;
  private final PayloadTemplate resultSelector;
  private final QueryPath resultPath;
  private final QueryPath outputPath;
  private final PayloadTemplate assign;

  public JsonPathIo(QueryPath inputPath, PayloadTemplate parameters,
      PayloadTemplate resultSelector, QueryPath resultPath, QueryPath outputPath,
      PayloadTemplate assign) {
    this.inputPath = inputPath;
    this.parameters = parameters;
    this.resultSelector = resultSelector;
    this.resultPath = resultPath;
    this.outputPath = outputPath;
    this.assign = assign;
  }

  /** The same processing with another Assign: a matched Choice rule's. */
  public JsonPathIo withAssign(PayloadTemplate ruleAssign) {
    return new JsonPathIo(inputPath, parameters, resultSelector, resultPath, outputPath,
        ruleAssign);
  }

  @Override
  public JsonNode input(JsonNode raw, EvalContext ctx) {
    JsonNode afterInputPath = inputPath == null ? Json.object() : read(inputPath, raw, ctx);
    ctx.inspect("afterInputPath", afterInputPath);
    return afterInputPath;
  }

  @Override
  public JsonNode effectiveInput(JsonNode raw, EvalContext ctx) {
    JsonNode afterInputPath = input(raw, ctx);
    JsonNode effective = parameters == null ? afterInputPath : parameters.apply(afterInputPath, ctx);
    ctx.inspect("afterParameters", effective);
    return effective;
  }

  @Override
  public Exit withResult(JsonNode raw, JsonNode result, EvalContext ctx) {
    ctx.inspect("result", result);
    ObjectNode assigned = assign(assign, result, ctx);
    JsonNode selected = resultSelector == null ? result : resultSelector.apply(result, ctx);
    ctx.inspect("afterResultSelector", selected);
    JsonNode afterResultPath = resultPath(resultPath, raw, selected);
    ctx.inspect("afterResultPath", afterResultPath);
    return new Exit(output(afterResultPath, ctx), assigned);
  }

  @Override
  public Exit passThrough(JsonNode raw, JsonNode input, EvalContext ctx) {
    ObjectNode assigned = assign(assign, input, ctx);
    return new Exit(output(input, ctx), assigned);
  }

  private JsonNode output(JsonNode out, EvalContext ctx) {
    return outputPath == null ? Json.object() : read(outputPath, out, ctx);
  }

  /** A path on a document, the Context object or a variable; a miss is States.Runtime. */
  public static JsonNode read(QueryPath path, JsonNode doc, EvalContext ctx) {
    try {
      return path.read(doc, ctx);
    } catch (JsonPaths.PathNotFound e) {
      throw new StatesError(ErrorNames.RUNTIME, e.getMessage());
    }
  }

  /** ResultPath: null keeps the raw input, {@code $} is the result, else the result merged in. */
  static JsonNode resultPath(QueryPath path, JsonNode raw, JsonNode result) {
    if (path == null) {
      return raw;
    }
    return path.text().equals("$") ? result : path.set(raw, result);
  }

  /** Assign evaluated with {@code $} = {@code dollar}: the variables to set, or null. */
  static ObjectNode assign(PayloadTemplate assign, JsonNode dollar, EvalContext ctx) {
    ObjectNode values = assign == null ? null : (ObjectNode) assign.apply(dollar, ctx);
    return values == null || values.isEmpty() ? null : values;
  }
}
