package com.example.workshop.tools.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What this runner can replay. A file whose {@code requires} names something the harness does not
 * provide is skipped as a whole, with the missing items named; a new capability (mocks, callbacks,
 * TestState, ...) is a new entry in {@link #PROVIDES} and a {@link CaseCheck} for its cases.
 */
final class Harness {
  /** The {@code requires} entries this harness supplies. */
  static final Set<String> PROVIDES = Set.of("lambdas");

  private final CaseCheck execution;
  private final CaseCheck validation = new ValidationCheck();

  Harness(boolean strictHistory) {
    this.execution = new ExecutionCheck(strictHistory);
  }

  /** The requirements of {@code file} this harness cannot supply; empty when it can run it. */
  List<String> missing(VectorFile file) {
    List<String> missing = new ArrayList<>();
    for (String r : file.requires()) {
      if (!PROVIDES.contains(r)) {
        missing.add(r);
      }
    }
    return missing;
  }

  CaseCheck checkFor(VectorFile file, JsonNode testCase) {
    return file.group().equals("validation") ? validation : execution;
  }
}
