package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import com.fasterxml.jackson.databind.JsonNode;

/** What a state visit asks for after running as far as it can. */
sealed interface Step {
  /** The state exited; {@code next} null ends the branch with {@code output}. */
  record Next(JsonNode output, String next) implements Step {}

  /** The state failed and nothing in it handled the error. */
  record Failed(StatesError error) implements Step {}

  /** Resume at the virtual instant {@code until} (a Wait, a retry interval). */
  record Sleep(long until) implements Step {}

  /** Blocked until something wakes the strand: its children, a task in flight. */
  record Blocked() implements Step {}

  Step BLOCKED = new Blocked();
}
