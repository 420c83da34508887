package com.example.workshop.runtime.sfn.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which fields each state type accepts in each query language (ASL spec, tables of state types
 * and fields for JSONPath and JSONata). A field of the other language gets AWS's QueryLanguage
 * message; any other unknown field gets {@code Field 'X' is not supported}.
 */
final class StateFields {
  private static final Set<String> FLOW = Set.of("Task", "Parallel", "Map", "Pass", "Wait");
  private static final Set<String> WORK = Set.of("Task", "Parallel", "Map");

  private static final Map<String, List<String>> SPECIFIC_BOTH = Map.of(
      "Task", List.of("Resource", "TimeoutSeconds", "HeartbeatSeconds", "Credentials"),
      "Choice", List.of("Choices", "Default"),
      "Wait", List.of("Seconds", "Timestamp"),
      "Fail", List.of("Error", "Cause"),
      "Parallel", List.of("Branches"),
      "Map", List.of("ItemProcessor", "Iterator", "ItemReader", "ItemBatcher", "ResultWriter",
          "MaxConcurrency", "ToleratedFailurePercentage", "ToleratedFailureCount", "Label",
          "ItemSelector"));
  private static final Map<String, List<String>> SPECIFIC_JSONPATH = Map.of(
      "Pass", List.of("Result"),
      "Task", List.of("TimeoutSecondsPath", "HeartbeatSecondsPath"),
      "Wait", List.of("SecondsPath", "TimestampPath"),
      "Fail", List.of("ErrorPath", "CausePath"),
      "Map", List.of("ItemsPath", "MaxConcurrencyPath", "ToleratedFailurePercentagePath",
          "ToleratedFailureCountPath"));
  private static final Map<String, List<String>> SPECIFIC_JSONATA = Map.of("Map", List.of("Items"));

  private StateFields() {}

  static Set<String> allowed(String type, String language) {
    Set<String> fields = new HashSet<>(List.of("Type", "Comment", "QueryLanguage"));
    boolean jsonata = language.equals(DefinitionValidator.JSONATA);
    if (!type.equals("Fail")) {
      fields.addAll(jsonata ? List.of("Output") : List.of("InputPath", "OutputPath"));
    }
    if (!type.equals("Fail") && !type.equals("Succeed")) {
      fields.add("Assign");
    }
    if (FLOW.contains(type)) {
      fields.addAll(List.of("Next", "End"));
    }
    if (WORK.contains(type)) {
      fields.addAll(List.of("Retry", "Catch"));
      if (!jsonata) {
        fields.add("ResultSelector");
      }
    }
    if (!jsonata && (WORK.contains(type) || type.equals("Pass"))) {
      fields.addAll(List.of("ResultPath", "Parameters"));
    }
    if (jsonata && (type.equals("Task") || type.equals("Parallel"))) {
      fields.add("Arguments");
    }
    fields.addAll(SPECIFIC_BOTH.getOrDefault(type, List.of()));
    fields.addAll((jsonata ? SPECIFIC_JSONATA : SPECIFIC_JSONPATH).getOrDefault(type, List.of()));
    return fields;
  }

  static void check(DefinitionValidator v, String type, String language, JsonNode state,
      String pointer) {
    Set<String> allowed = allowed(type, language);
    String other = language.equals(DefinitionValidator.JSONATA)
        ? DefinitionValidator.JSONPATH : DefinitionValidator.JSONATA;
    Set<String> otherAllowed = allowed(type, other);
    for (Iterator<String> it = state.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (allowed.contains(f)) {
        continue;
      }
      if (otherAllowed.contains(f)) {
        v.reportField(DefinitionValidator.SCHEMA, pointer, f, "The QueryLanguage is set to '" + language
            + "', but field '" + f + "' is only supported for the '" + other + "' QueryLanguage");
      } else {
        v.reportField(DefinitionValidator.SCHEMA, pointer, f, "Field '" + f + "' is not supported");
      }
    }
  }
}
