package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.ErrorNames;
import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import com.example.workshop.runtime.sfn.internal.model.ChoiceState;
import com.example.workshop.runtime.sfn.internal.query.StateIo;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Choice: the first rule that matches decides the next state (and its Output and Assign replace
 * the state's); no match goes to Default, or fails with States.NoChoiceMatched.
 */
final class ChoiceExecutor implements StateExecutor {
  @Override
  public Step step(Visit v) {
    ChoiceState c = (ChoiceState) v.state;
    JsonNode input = c.io().input(v.input, v);
    String next = c.defaultNext();
    StateIo io = c.io();
    for (ChoiceState.Rule rule : c.rules()) {
      if (rule.condition().test(input, v)) {
        next = rule.next();
        io = rule.io();
        break;
      }
    }
    if (next == null) {
      throw new StatesError(ErrorNames.NO_CHOICE_MATCHED,
          "No Choice Rules matched and no Default was specified in state '" + c.name() + "'.");
    }
    return v.exit(io.passThrough(v.input, input, v), next);
  }
}
