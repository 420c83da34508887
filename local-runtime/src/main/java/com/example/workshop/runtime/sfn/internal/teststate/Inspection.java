package com.example.workshop.runtime.sfn.internal.teststate;

import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.engine.StateTest;
import com.example.workshop.runtime.sfn.internal.model.PassState;
import com.example.workshop.runtime.sfn.internal.model.StateType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The TestState response in AWS's JSON shape. At INFO it has status, output, error, cause and
 * nextState; at DEBUG and TRACE also {@code inspectionData}: the stages of the input and output
 * processing that AWS reports for the state's type and query language (a table, below), the
 * variables after the state, a Map's limits and {@code errorDetails}. Values are JSON text.
 */
final class Inspection {
  private static final List<String> TASK_JSONPATH = List.of("afterInputPath", "afterParameters",
      "result", "afterResultSelector", "afterResultPath");
  private static final List<String> PASS_JSONPATH = List.of("afterInputPath", "afterParameters",
      "afterResultSelector", "afterResultPath");
  private static final List<String> PASS_RESULT = List.of("result", "afterResultSelector",
      "afterResultPath");
  private static final List<String> READS_INPUT = List.of("afterInputPath");
  private static final List<String> PARALLEL_JSONPATH = List.of("afterResultSelector",
      "afterResultPath");
  private static final List<String> MAP_JSONPATH = List.of("afterInputPath", "afterItemsPath",
      "afterItemSelector", "afterResultSelector", "afterResultPath");
  private static final List<String> TASK_JSONATA = List.of("afterArguments", "result");
  private static final List<String> MAP_JSONATA = List.of("afterItemSelector");

  private Inspection() {}

  static ObjectNode response(StateTest.Outcome o, TestedState tested, JsonNode input,
      String level) {
    ObjectNode response = Json.object();
    if (o.output() != null) {
      response.put("output", Json.text(o.output()));
    }
    if (o.error() != null) {
      response.put("error", o.error());
    }
    if (o.cause() != null) {
      response.put("cause", withoutEventPrefix(o.cause()));
    }
    if (!level.equals("INFO")) {
      response.set("inspectionData", data(o, tested, input));
    }
    if (o.next() != null) {
      response.put("nextState", o.next());
    }
    response.put("status", o.status().name());
    return response;
  }

  private static ObjectNode data(StateTest.Outcome o, TestedState tested, JsonNode input) {
    ObjectNode data = Json.object();
    data.put("input", Json.text(input));
    Map<String, JsonNode> stages = o.stages();
    if (tested.state().type() == StateType.FAIL && !tested.jsonata()) {
      stages.putIfAbsent("afterInputPath", input); // a Fail state has no InputPath
    }
    for (String stage : stages(tested)) {
      JsonNode value = stages.get(stage);
      if (value != null) {
        data.put(stage, Json.text(value));
      }
    }
    if (!o.variables().isEmpty()) {
      ObjectNode variables = Json.object();
      o.variables().forEach(variables::set);
      data.put("variables", Json.text(variables));
    }
    if (o.retryIndex() != null || o.catchIndex() != null) {
      ObjectNode details = data.putObject("errorDetails");
      if (o.catchIndex() != null) {
        details.put("catchIndex", o.catchIndex());
      }
      if (o.retryBackoffIntervalSeconds() != null) {
        details.put("retryBackoffIntervalSeconds", o.retryBackoffIntervalSeconds());
      }
      if (o.retryIndex() != null) {
        details.put("retryIndex", o.retryIndex());
      }
    }
    if (o.toleratedFailureCount() != null) {
      data.put("toleratedFailureCount", o.toleratedFailureCount());
    }
    if (o.toleratedFailurePercentage() != null) {
      data.put("toleratedFailurePercentage", o.toleratedFailurePercentage().floatValue());
    }
    if (o.maxConcurrency() != null) {
      data.put("maxConcurrency", o.maxConcurrency());
    }
    return data;
  }

  /**
   * The stages AWS reports (recorded TestState responses): JSONPath states each stage they have,
   * except that a Pass with a Result skips InputPath and Parameters and a Parallel shows only its
   * result's processing; JSONata states only a Task's Arguments and result (and a Map's
   * ItemSelector).
   */
  private static List<String> stages(TestedState tested) {
    StateType type = tested.state().type();
    if (tested.jsonata()) {
      return type == StateType.TASK ? TASK_JSONATA : type == StateType.MAP ? MAP_JSONATA
          : List.of();
    }
    return switch (type) {
      case TASK -> TASK_JSONPATH;
      case PASS -> ((PassState) tested.state()).result() != null ? PASS_RESULT : PASS_JSONPATH;
      case PARALLEL -> PARALLEL_JSONPATH;
      case MAP -> MAP_JSONPATH;
      default -> READS_INPUT;
    };
  }

  /**
   * TestState's causes have no "An error occurred while executing the state 'X' (entered at the
   * event id #N)." in front: there is no execution history to point into.
   */
  private static String withoutEventPrefix(String cause) {
    String prefix = "An error occurred while executing the state '";
    int end = cause.indexOf(". ", cause.indexOf("(entered at the event id #"));
    return cause.startsWith(prefix) && end > 0 ? cause.substring(end + 2) : cause;
  }
}
