package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Map: inline (and DISTRIBUTED without ItemReader, run in-process). ItemProcessor or legacy
 * Iterator; ItemSelector or legacy Parameters.
 */
final class MapState extends State {
  final Branch processor;
  final boolean distributed;
  final QueryPath itemsPath;
  final PayloadTemplate itemSelector;
  final ErrorHandling handling;
  final JsonNode maxConcurrency;
  final QueryPath maxConcurrencyPath;
  final JsonNode toleratedFailureCount;
  final QueryPath toleratedFailureCountPath;
  final JsonNode toleratedFailurePercentage;
  final QueryPath toleratedFailurePercentagePath;
  final String label;
  /** JSONata: Items (default: the state input) and the numeric fields as templates. */
  final JsonataTemplate items;
  final JsonataTemplate itemSelectorTemplate;
  final JsonataTemplate maxConcurrencyTemplate;
  final JsonataTemplate toleratedFailureCountTemplate;
  final JsonataTemplate toleratedFailurePercentageTemplate;
  /** ItemReader/ItemBatcher/ResultWriter (distributed Map I/O) are not run locally. */
  final String unsupportedField;

  MapState(String name, JsonNode node, boolean machineJsonata) {
    super(name, node, machineJsonata);
    JsonNode proc = node.has("ItemProcessor") ? node.get("ItemProcessor") : node.path("Iterator");
    this.processor = new Branch(proc, machineJsonata);
    this.distributed = "DISTRIBUTED".equals(proc.path("ProcessorConfig").path("Mode").asText());
    this.itemsPath = path(node, "ItemsPath");
    this.itemSelector = jsonata ? null : PayloadTemplate.compile(
        node.has("ItemSelector") ? node.get("ItemSelector") : node.get("Parameters"));
    this.handling = new ErrorHandling(node, jsonata);
    this.maxConcurrency = node.get("MaxConcurrency");
    this.maxConcurrencyPath = QueryPath.of(text(node, "MaxConcurrencyPath"));
    this.toleratedFailureCount = node.get("ToleratedFailureCount");
    this.toleratedFailureCountPath = QueryPath.of(text(node, "ToleratedFailureCountPath"));
    this.toleratedFailurePercentage = node.get("ToleratedFailurePercentage");
    this.toleratedFailurePercentagePath =
        QueryPath.of(text(node, "ToleratedFailurePercentagePath"));
    this.label = text(node, "Label");
    this.items = jsonata ? JsonataTemplate.compile("Items", node.get("Items")) : null;
    this.itemSelectorTemplate = jsonata
        ? JsonataTemplate.compile("ItemSelector", node.get("ItemSelector")) : null;
    this.maxConcurrencyTemplate = jsonata
        ? JsonataTemplate.compile("MaxConcurrency", maxConcurrency) : null;
    this.toleratedFailureCountTemplate = jsonata
        ? JsonataTemplate.compile("ToleratedFailureCount", toleratedFailureCount) : null;
    this.toleratedFailurePercentageTemplate = jsonata
        ? JsonataTemplate.compile("ToleratedFailurePercentage", toleratedFailurePercentage) : null;
    String missing = null;
    for (String field : new String[] {"ItemReader", "ItemBatcher", "ResultWriter"}) {
      if (node.has(field) && missing == null) {
        missing = field;
      }
    }
    this.unsupportedField = missing;
  }
}
