package com.example.workshop.runtime.sfn.internal.definition;

import com.example.workshop.runtime.sfn.internal.definition.Compiler.Part;
import com.example.workshop.runtime.sfn.internal.model.ItemReader;
import com.example.workshop.runtime.sfn.internal.model.NumberValue;
import com.example.workshop.runtime.sfn.internal.query.jsonata.JsonataTemplate;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.PayloadTemplate;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.QueryPath;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A Map's ItemReader, when it is one local-runtime runs: {@code s3:getObject} of CSV or JSON, or
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
        maxItems(p, config, pointer + "/ReaderConfig"));
  }

  /** MaxItems (literal or JSONata) or MaxItemsPath; null when absent. */
  private static NumberValue maxItems(Part p, JsonNode config, String pointer) {
    if (p.jsonata() && config.has("MaxItems")) {
      return new NumberValue.Jsonata(JsonataTemplate.compile("MaxItems", config.get("MaxItems")));
    }
    if (config.has("MaxItemsPath")) {
      QueryPath path = p.checks().path(config.get("MaxItemsPath"), pointer + "/MaxItemsPath",
          "MaxItemsPath", true);
      return path == null ? null : new NumberValue.Path(path);
    }
    return config.has("MaxItems") ? new NumberValue.Literal(config.get("MaxItems")) : null;
  }
}
