package com.example.workshop.runtime.sfn.internal.query;

import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.random.RandomGenerator;

/** What an expression can read besides its input, and where its failures are reported. */
public interface EvalContext {
  /** The Context object ({@code $$}); built on demand, so call it only when an expression needs it. */
  JsonNode contextObject();

  /** Workflow variables visible to the state (its own scope and the enclosing ones). */
  Map<String, JsonNode> variables();

  /** Drives States.UUID, unseeded States.MathRandom, {@code $uuid} and {@code $random}. */
  RandomGenerator random();

  /**
   * A failed JSONata evaluation: records AWS's EvaluationFailed event and returns the
   * States.QueryEvaluationError to throw.
   */
  StatesError evaluationFailed(String location, String why);

  /**
   * A stage of the state's input and output processing produced {@code value}; {@code stage} is
   * the name TestState's inspectionData gives it ({@code afterInputPath}, {@code result}, ...).
   * Only a TestState run listens.
   */
  default void inspect(String stage, JsonNode value) {}
}
