package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** A compiled {@code StartAt} + {@code States} scope: the machine, a Parallel branch or a Map processor. */
final class Branch {
  final String startAt;
  final Map<String, State> states;

  /** {@code jsonata}: the machine's QueryLanguage, which nested states default to. */
  Branch(JsonNode node, boolean jsonata) {
    this.startAt = node.path("StartAt").asText();
    Map<String, State> map = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.path("States").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      map.put(e.getKey(), State.compile(e.getKey(), e.getValue(), jsonata));
    }
    this.states = java.util.Collections.unmodifiableMap(map);
  }

  State state(String name) {
    State s = states.get(name);
    if (s == null) {
      throw new StatesError(ErrorNames.RUNTIME, "State '" + name + "' does not exist.");
    }
    return s;
  }
}
