package com.example.workshop.runtime.sfn.internal.definition;

import com.example.workshop.runtime.sfn.internal.model.StateType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
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
  private static final Set<StateType> FLOW = Set.of(StateType.TASK, StateType.PARALLEL,
      StateType.MAP, StateType.PASS, StateType.WAIT);
  private static final Set<StateType> WORK = Set.of(StateType.TASK, StateType.PARALLEL,
      StateType.MAP);

  private static final Map<StateType, List<String>> BOTH = new EnumMap<>(Map.of(
      StateType.TASK, List.of("Resource", "TimeoutSeconds", "HeartbeatSeconds", "Credentials"),
      StateType.CHOICE, List.of("Choices", "Default"),
      StateType.WAIT, List.of("Seconds", "Timestamp"),
      StateType.FAIL, List.of("Error", "Cause"),
      StateType.PARALLEL, List.of("Branches"),
      StateType.MAP, List.of("ItemProcessor", "Iterator", "ItemReader", "ItemBatcher",
          "ResultWriter", "MaxConcurrency", "ToleratedFailurePercentage", "ToleratedFailureCount",
          "Label", "ItemSelector")));
  private static final Map<StateType, List<String>> JSONPATH_ONLY = new EnumMap<>(Map.of(
      StateType.PASS, List.of("Result"),
      StateType.TASK, List.of("TimeoutSecondsPath", "HeartbeatSecondsPath"),
      StateType.WAIT, List.of("SecondsPath", "TimestampPath"),
      StateType.FAIL, List.of("ErrorPath", "CausePath"),
      StateType.MAP, List.of("ItemsPath", "MaxConcurrencyPath", "ToleratedFailurePercentagePath",
          "ToleratedFailureCountPath")));
  private static final Map<StateType, List<String>> JSONATA_ONLY =
      new EnumMap<>(Map.of(StateType.MAP, List.of("Items")));

  private StateFields() {}

  /** States that go on with Next or end with End. */
  static boolean flows(StateType type) {
    return FLOW.contains(type);
  }

  /** States with Retry, Catch and a result: Task, Parallel, Map. */
  static boolean works(StateType type) {
    return WORK.contains(type);
  }

  static Set<String> allowed(StateType type, boolean jsonata) {
    Set<String> fields = new HashSet<>(List.of("Type", "Comment", "QueryLanguage"));
    if (type != StateType.FAIL) {
      fields.addAll(jsonata ? List.of("Output") : List.of("InputPath", "OutputPath"));
    }
    if (type != StateType.FAIL && type != StateType.SUCCEED) {
      fields.add("Assign");
    }
    if (flows(type)) {
      fields.addAll(List.of("Next", "End"));
    }
    if (works(type)) {
      fields.addAll(List.of("Retry", "Catch"));
      if (!jsonata) {
        fields.add("ResultSelector");
      }
    }
    if (!jsonata && (works(type) || type == StateType.PASS)) {
      fields.addAll(List.of("ResultPath", "Parameters"));
    }
    if (jsonata && (type == StateType.TASK || type == StateType.PARALLEL)) {
      fields.add("Arguments");
    }
    fields.addAll(BOTH.getOrDefault(type, List.of()));
    fields.addAll((jsonata ? JSONATA_ONLY : JSONPATH_ONLY).getOrDefault(type, List.of()));
    return fields;
  }

  static void check(Checks c, StateType type, boolean jsonata, JsonNode state, String pointer) {
    Set<String> allowed = allowed(type, jsonata);
    Set<String> otherAllowed = allowed(type, !jsonata);
    String language = jsonata ? Compiler.JSONATA : Compiler.JSONPATH;
    String other = jsonata ? Compiler.JSONPATH : Compiler.JSONATA;
    for (Iterator<String> it = state.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (allowed.contains(f)) {
        continue;
      }
      if (otherAllowed.contains(f)) {
        c.reportField(Checks.SCHEMA, pointer, f, "The QueryLanguage is set to '" + language
            + "', but field '" + f + "' is only supported for the '" + other + "' QueryLanguage");
      } else {
        c.reportField(Checks.SCHEMA, pointer, f, "Field '" + f + "' is not supported");
      }
    }
  }
}
