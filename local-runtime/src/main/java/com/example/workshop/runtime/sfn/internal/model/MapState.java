package com.example.workshop.runtime.sfn.internal.model;

import com.example.workshop.runtime.sfn.internal.query.StateIo;

/**
 * Map: inline, or DISTRIBUTED (run in-process). Null fields are absent.
 *
 * @param items ItemsPath (JSONPath, default {@code $}) or Items (JSONata, default: the input)
 * @param itemSelector ItemSelector (or the legacy Parameters)
 * @param reader the ItemReader over S3 objects, when it is one local-runtime runs
 * @param batcher the ItemBatcher
 * @param unsupportedField ItemReader (another kind) or ResultWriter when present (not run locally)
 */
public record MapState(String name, String next, StateIo io, Branch processor,
    boolean distributed, Items items, ItemSelector itemSelector, NumberValue maxConcurrency,
    NumberValue toleratedFailureCount, NumberValue toleratedFailurePercentage, String label,
    ItemReader reader, ItemBatcher batcher, String unsupportedField, ErrorHandling handling)
    implements RetryingState {
  @Override
  public StateType type() {
    return StateType.MAP;
  }

  /** Where the items come from. */
  public sealed interface Items {
    record Path(com.example.workshop.runtime.sfn.internal.query.jsonpath.QueryPath path)
        implements Items {}

    record Jsonata(com.example.workshop.runtime.sfn.internal.query.jsonata.JsonataTemplate template)
        implements Items {}
  }

  /** How each item becomes an iteration's input ({@code $$.Map.Item} is in scope). */
  public sealed interface ItemSelector {
    record Template(com.example.workshop.runtime.sfn.internal.query.jsonpath.PayloadTemplate template)
        implements ItemSelector {}

    record Jsonata(com.example.workshop.runtime.sfn.internal.query.jsonata.JsonataTemplate template)
        implements ItemSelector {}
  }
}
