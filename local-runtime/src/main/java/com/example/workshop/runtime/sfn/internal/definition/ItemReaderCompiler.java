package com.example.workshop.runtime.sfn.internal.definition;

import com.example.workshop.runtime.sfn.internal.definition.Compiler.Part;
import com.example.workshop.runtime.sfn.internal.model.ItemBatcher;
import com.example.workshop.runtime.sfn.internal.model.ItemReader;
import com.example.workshop.runtime.sfn.internal.model.NumberValue;
import com.example.workshop.runtime.sfn.internal.query.jsonata.JsonataTemplate;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.PayloadTemplate;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.QueryPath;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A Map's ItemBatcher, and its ItemReader when it is one local-runtime runs: {@code s3:getObject} of CSV or JSON, or
 * {@code s3:listObjectsV2}. Any other reader (JSONL, manifests, Parquet, other resources) gives
 * null, and the Map fails clearly when it runs.
 */
final class ItemReaderCompiler {
  private static final String GET_OBJECT = "arn:aws:states:::s3:getObject";
  private static final String LIST_OBJECTS = "arn:aws:states:::s3:listObjectsV2";

  private ItemReaderCompiler() {}

  static ItemReader reader(Part p) {
    JsonNode reader = p.node().get("ItemReader");
    String pointer = p.pointer() + "/ItemReader";
    String resource = reader.path("Resource").asText();
    JsonNode config = reader.path("ReaderConfig");
    String inputType = config.path("InputType").asText(null);
    boolean list = resource.equals(LIST_OBJECTS);
    if (!list && !(resource.equals(GET_OBJECT)
        && ("CSV".equals(inputType) || "JSON".equals(inputType)))) {
      return null;
    }
    List<String> headers = null;
    if ("CSV".equals(inputType) && "GIVEN".equals(config.path("CSVHeaderLocation").asText())) {
      headers = new ArrayList<>();
      for (JsonNode h : config.path("CSVHeaders")) {
        headers.add(h.asText());
      }
    }
    PayloadTemplate parameters = null;
    JsonataTemplate arguments = null;
    if (p.jsonata() && reader.has("Arguments")) {
      arguments = JsonataTemplate.compile("Arguments", reader.get("Arguments"));
    } else if (reader.has("Parameters")) {
      parameters = p.checks().template(reader.get("Parameters"), pointer + "/Parameters");
    }
    return new ItemReader(list, parameters, arguments, list ? null : inputType, headers,
        number(p, config, "MaxItems", pointer + "/ReaderConfig"));
  }

  /** A Map's ItemBatcher: the batch limits and BatchInput. */
  static ItemBatcher batcher(Part p) {
    JsonNode batcher = p.node().get("ItemBatcher");
    String pointer = p.pointer() + "/ItemBatcher";
    JsonNode input = batcher.get("BatchInput");
    PayloadTemplate template = null;
    JsonataTemplate jsonata = null;
    if (input != null && p.jsonata()) {
      jsonata = JsonataTemplate.compile("BatchInput", input);
    } else if (input != null) {
      template = p.checks().template(input, pointer + "/BatchInput");
    }
    return new ItemBatcher(number(p, batcher, "MaxItemsPerBatch", pointer),
        number(p, batcher, "MaxInputBytesPerBatch", pointer), template, jsonata);
  }

  /** A numeric field of {@code node}: a literal or JSONata, or its Path twin; null when absent. */
  private static NumberValue number(Part p, JsonNode node, String field, String pointer) {
    if (p.jsonata() && node.has(field)) {
      return new NumberValue.Jsonata(JsonataTemplate.compile(field, node.get(field)));
    }
    if (node.has(field + "Path")) {
      QueryPath path = p.checks().path(node.get(field + "Path"), pointer + "/" + field + "Path",
          field + "Path", true);
      return path == null ? null : new NumberValue.Path(path);
    }
    return node.has(field) ? new NumberValue.Literal(node.get(field)) : null;
  }
}
