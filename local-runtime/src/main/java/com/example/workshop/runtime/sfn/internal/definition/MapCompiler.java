package com.example.workshop.runtime.sfn.internal.definition;

import static com.example.workshop.runtime.sfn.internal.definition.Checks.SCHEMA;

import com.example.workshop.runtime.sfn.internal.definition.Compiler.Part;
import com.example.workshop.runtime.sfn.internal.model.Branch;
import com.example.workshop.runtime.sfn.internal.model.ItemBatcher;
import com.example.workshop.runtime.sfn.internal.model.ItemReader;
import com.example.workshop.runtime.sfn.internal.model.MapState;
import com.example.workshop.runtime.sfn.internal.model.NumberValue;
import com.example.workshop.runtime.sfn.internal.query.StateIo;
import com.example.workshop.runtime.sfn.internal.query.jsonata.JsonataTemplate;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.PayloadTemplate;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.QueryPath;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** Map states: the item processor, where items come from, and the iteration limits. */
final class MapCompiler {
  private static final Set<String> PROCESSOR_FIELDS =
      Set.of("StartAt", "States", "Comment", "ProcessorConfig");

  /** Compiles a nested scope (the item processor). */
  interface Scopes {
    Branch nested(JsonNode scope, String pointer, Set<String> allowed);
  }

  private MapCompiler() {}

  static MapState map(Part p, StateIo io, Scopes scopes) {
    Checks c = p.checks();
    JsonNode state = p.node();
    String pointer = p.pointer();
    boolean processor = state.has("ItemProcessor");
    boolean iterator = state.has("Iterator");
    if (processor && iterator) {
      c.report(SCHEMA, pointer, "Fields 'ItemProcessor' and 'Iterator' are mutually exclusive"
          + " ('Iterator' is the deprecated name of 'ItemProcessor')");
    } else if (!processor && !iterator) {
      c.report(SCHEMA, pointer, "These fields are required: [ItemProcessor]");
    }
    Branch branch = null;
    if (processor) {
      branch = scopes.nested(state.get("ItemProcessor"), pointer + "/ItemProcessor",
          PROCESSOR_FIELDS);
    }
    if (iterator) {
      branch = scopes.nested(state.get("Iterator"), pointer + "/Iterator", PROCESSOR_FIELDS);
    }
    JsonNode proc = processor ? state.get("ItemProcessor") : state.path("Iterator");
    c.exclusive(state, pointer, "ItemSelector", "Parameters");
    c.exclusive(state, pointer, "MaxConcurrency", "MaxConcurrencyPath");
    c.exclusive(state, pointer, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
    c.exclusive(state, pointer, "ToleratedFailureCount", "ToleratedFailureCountPath");
    StateCompilers.literalInteger(p, "MaxConcurrency", 0, Integer.MAX_VALUE);
    StateCompilers.literalInteger(p, "ToleratedFailureCount", 0, Integer.MAX_VALUE);
    JsonNode percentage = state.get("ToleratedFailurePercentage");
    if (percentage != null && !(p.jsonata() && Checks.isJsonata(percentage))
        && !(percentage.isNumber() && percentage.asDouble() >= 0
            && percentage.asDouble() <= 100)) {
      c.report(SCHEMA, pointer + "/ToleratedFailurePercentage", "The value for the field"
          + " 'ToleratedFailurePercentage' must be a number between 0 and 100");
    }
    MapState.Items items = items(p);
    NumberValue maxConcurrency = StateCompilers.number(p, "MaxConcurrency");
    NumberValue toleratedPercentage = StateCompilers.number(p, "ToleratedFailurePercentage");
    NumberValue toleratedCount = StateCompilers.number(p, "ToleratedFailureCount");
    MapState.ItemSelector selector = itemSelector(p);
    ItemReader reader = state.has("ItemReader") ? ItemReaderCompiler.reader(p) : null;
    ItemBatcher batcher = state.has("ItemBatcher") ? ItemReaderCompiler.batcher(p) : null;
    String unsupported = state.has("ItemReader") && reader == null ? "ItemReader"
        : state.has("ResultWriter") ? "ResultWriter" : null;
    var handling = ErrorHandlingCompiler.handling(p);
    if (!p.clean()) {
      return null;
    }
    return new MapState(p.name(), p.next(), io, branch,
        "DISTRIBUTED".equals(proc.path("ProcessorConfig").path("Mode").asText()), items,
        selector, maxConcurrency, toleratedCount, toleratedPercentage,
        state.hasNonNull("Label") ? state.get("Label").asText() : null, reader, batcher,
        unsupported, handling);
  }

  /** ItemsPath (JSONPath, default {@code $}) or Items (JSONata, default: the state input). */
  private static MapState.Items items(Part p) {
    JsonNode node = p.node();
    if (p.jsonata()) {
      return node.has("Items")
          ? new MapState.Items.Jsonata(JsonataTemplate.compile("Items", node.get("Items"))) : null;
    }
    if (!node.has("ItemsPath")) {
      return new MapState.Items.Path(QueryPath.of("$"));
    }
    QueryPath path = p.checks().path(node.get("ItemsPath"), p.pointer() + "/ItemsPath",
        "ItemsPath", true);
    return path == null ? null : new MapState.Items.Path(path);
  }

  /** ItemSelector, or a JSONPath Map's legacy Parameters (checked with the other templates). */
  private static MapState.ItemSelector itemSelector(Part p) {
    JsonNode node = p.node();
    if (p.jsonata()) {
      return node.has("ItemSelector") ? new MapState.ItemSelector.Jsonata(
          JsonataTemplate.compile("ItemSelector", node.get("ItemSelector"))) : null;
    }
    if (node.has("ItemSelector")) {
      PayloadTemplate t = p.checks().template(node.get("ItemSelector"),
          p.pointer() + "/ItemSelector");
      return t == null ? null : new MapState.ItemSelector.Template(t);
    }
    return node.has("Parameters")
        ? new MapState.ItemSelector.Template(PayloadTemplate.compile(node.get("Parameters")))
        : null;
  }
}
