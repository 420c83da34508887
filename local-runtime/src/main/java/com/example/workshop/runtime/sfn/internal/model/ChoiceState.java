package com.example.workshop.runtime.sfn.internal.model;

import com.example.workshop.runtime.sfn.internal.query.Condition;
import com.example.workshop.runtime.sfn.internal.query.StateIo;
import java.util.List;

/** Choice: the first matching rule's Next, else Default, else States.NoChoiceMatched. */
public record ChoiceState(String name, StateIo io, List<Rule> rules, String defaultNext)
    implements State {

  /** One top-level rule; {@code io}: the state's processing with the rule's Output and Assign. */
  public record Rule(Condition condition, String next, StateIo io) {}

  public ChoiceState {
    rules = List.copyOf(rules);
  }

  @Override
  public StateType type() {
    return StateType.CHOICE;
  }
}
