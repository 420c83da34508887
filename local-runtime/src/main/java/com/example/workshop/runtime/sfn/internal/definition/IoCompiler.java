package com.example.workshop.runtime.sfn.internal.definition;

import com.example.workshop.runtime.sfn.internal.definition.Compiler.Part;
import com.example.workshop.runtime.sfn.internal.model.StateType;
import com.example.workshop.runtime.sfn.internal.query.StateIo;
import com.example.workshop.runtime.sfn.internal.query.jsonata.JsonataIo;
import com.example.workshop.runtime.sfn.internal.query.jsonata.JsonataTemplate;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.JsonPathIo;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.PayloadTemplate;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.QueryPath;
import com.fasterxml.jackson.databind.JsonNode;

/** A state's input and output processing in its query language. */
final class IoCompiler {
  private IoCompiler() {}

  /**
   * InputPath, OutputPath, ResultPath, Parameters, ResultSelector and Assign. A Map's Parameters
   * is its legacy ItemSelector, checked here and compiled by the Map.
   */
  static StateIo jsonPath(Part p, StateType type) {
    Checks c = p.checks();
    JsonNode node = p.node();
    QueryPath inputPath = path(p, "InputPath");
    QueryPath outputPath = path(p, "OutputPath");
    QueryPath resultPath = QueryPath.of("$");
    if (node.has("ResultPath")) {
      resultPath = node.get("ResultPath").isNull() ? null
          : c.resultPath(node.get("ResultPath"), p.pointer() + "/ResultPath");
    }
    PayloadTemplate parameters = template(p, "Parameters");
    PayloadTemplate resultSelector = template(p, "ResultSelector");
    PayloadTemplate assign = p.node().has("Assign")
        ? c.assign(p.node().get("Assign"), p.pointer() + "/Assign") : null;
    boolean effective = type == StateType.PASS || type == StateType.TASK
        || type == StateType.PARALLEL;
    return new JsonPathIo(inputPath, effective ? parameters : null, resultSelector, resultPath,
        outputPath, assign);
  }

  /** Arguments (Task, Parallel), Output and Assign; {@code $states.result} where there is one. */
  static StateIo jsonata(Part p, StateType type) {
    JsonNode node = p.node();
    p.checks().jsonataAssign(node.get("Assign"), p.pointer() + "/Assign");
    boolean result = type == StateType.TASK || type == StateType.PARALLEL
        || type == StateType.MAP;
    return new JsonataIo(JsonataTemplate.compile("Arguments", node.get("Arguments")),
        JsonataTemplate.compile("Output", node.get("Output")),
        JsonataTemplate.compile("Assign", node.get("Assign")), result);
  }

  /** {@code $} when absent, null for the JSON-null form. */
  private static QueryPath path(Part p, String field) {
    JsonNode v = p.node().get(field);
    if (v == null) {
      return QueryPath.of("$");
    }
    return v.isNull() ? null : p.checks().path(v, p.pointer() + "/" + field, field, false);
  }

  private static PayloadTemplate template(Part p, String field) {
    JsonNode v = p.node().get(field);
    return v == null ? null : p.checks().template(v, p.pointer() + "/" + field);
  }
}
