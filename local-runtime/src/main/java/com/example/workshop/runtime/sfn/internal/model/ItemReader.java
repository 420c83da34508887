package com.example.workshop.runtime.sfn.internal.model;

import com.example.workshop.runtime.sfn.internal.query.jsonata.JsonataTemplate;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.PayloadTemplate;
import java.util.List;

/**
 * A distributed Map's ItemReader over S3: {@code s3:getObject} (a CSV or JSON object) or
 * {@code s3:listObjectsV2} (the objects of a bucket). Null fields are absent.
 *
 * @param listObjects true for {@code s3:listObjectsV2}, false for {@code s3:getObject}
 * @param parameters Parameters (JSONPath), or null
 * @param arguments Arguments (JSONata), or null
 * @param inputType ReaderConfig.InputType: CSV or JSON (null for listObjectsV2)
 * @param csvHeaders ReaderConfig.CSVHeaders when CSVHeaderLocation is GIVEN; null for FIRST_ROW
 * @param maxItems ReaderConfig.MaxItems (or MaxItemsPath)
 */
public record ItemReader(boolean listObjects, PayloadTemplate parameters,
    JsonataTemplate arguments, String inputType, List<String> csvHeaders,
    NumberValue maxItems) {}
