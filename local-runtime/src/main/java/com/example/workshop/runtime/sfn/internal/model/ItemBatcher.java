package com.example.workshop.runtime.sfn.internal.model;

import com.example.workshop.runtime.sfn.internal.query.jsonata.JsonataTemplate;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.PayloadTemplate;

/**
 * A distributed Map's ItemBatcher: each child execution gets {@code {"BatchInput": ..., "Items":
 * [...]}} instead of one item. Null fields are absent.
 *
 * @param maxItems MaxItemsPerBatch (or its Path)
 * @param maxBytes MaxInputBytesPerBatch (or its Path)
 * @param batchInput BatchInput (JSONPath template), or null
 * @param batchInputJsonata BatchInput (JSONata), or null
 */
public record ItemBatcher(NumberValue maxItems, NumberValue maxBytes, PayloadTemplate batchInput,
    JsonataTemplate batchInputJsonata) {}
