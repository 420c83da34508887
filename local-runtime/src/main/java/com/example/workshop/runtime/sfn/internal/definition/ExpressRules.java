package com.example.workshop.runtime.sfn.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What CreateStateMachine and ValidateStateMachineDefinition refuse in an EXPRESS machine (and
 * accept in a STANDARD one): activities and the {@code .sync} and {@code .waitForTaskToken}
 * integration patterns, in any state, Parallel branches and Map processors included. The
 * messages are AWS's, the trailing space of the callback one too.
 */
public final class ExpressRules {
  private static final Pattern ACTIVITY = Pattern.compile("arn:[^:]+:states:[^:]*:[^:]*:activity:.+");
  private static final Pattern SYNC = Pattern.compile(".*\\.sync(:\\d+)?");

  private ExpressRules() {}

  /** The problems of a parsed (otherwise checked) definition, in document order. */
  public static List<Problem> check(JsonNode root, LineLocator lines) {
    List<Problem> problems = new ArrayList<>();
    states(root, "", lines, problems);
    return problems;
  }

  private static void states(JsonNode machine, String pointer, LineLocator lines, List<Problem> out) {
    JsonNode states = machine.path("States");
    for (var it = states.fields(); it.hasNext(); ) {
      var e = it.next();
      String at = LineLocator.child(LineLocator.child(pointer, "States"), e.getKey());
      JsonNode state = e.getValue();
      String message = state.path("Type").asText().equals("Task")
          ? refusal(state.path("Resource").asText("")) : null;
      if (message != null) {
        String resource = LineLocator.child(at, "Resource");
        out.add(new Problem(Checks.SCHEMA, resource, message, lines.lineOf(resource)));
      }
      JsonNode branches = state.path("Branches");
      for (int i = 0; branches.isArray() && i < branches.size(); i++) {
        states(branches.get(i), LineLocator.child(LineLocator.child(at, "Branches"), i), lines, out);
      }
      for (String processor : new String[] {"ItemProcessor", "Iterator"}) {
        if (state.path(processor).isObject()) {
          states(state.get(processor), LineLocator.child(at, processor), lines, out);
        }
      }
    }
  }

  private static String refusal(String resource) {
    if (ACTIVITY.matcher(resource).matches()) {
      return "Express state machine does not support Activity ARN";
    }
    if (resource.endsWith(".waitForTaskToken")) {
      return "Express state machine does not support '.waitForTaskToken' service integration ";
    }
    if (SYNC.matcher(resource).matches()) {
      return "Express state machine does not support '.sync' service integration";
    }
    return null;
  }
}
