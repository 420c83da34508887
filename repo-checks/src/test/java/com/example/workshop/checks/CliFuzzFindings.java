package com.example.workshop.checks;

import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Fuzz findings that belong to work in progress elsewhere (the CLI's parser, the Step Functions
 * engine): each is matched by what it looks like, reported as skipped with its owner and reason, and
 * removed once fixed. Lambda-side and lesson-side findings are fixed, not listed.
 */
final class CliFuzzFindings {
  record Known(String owner, String what, BiPredicate<CliFuzzRecipes.Case, CliFuzzTest.Result> matches) {}

  static final List<Known> KNOWN = List.of(
      new Known("engine (sfn MockConfig)",
          "a mock file that is not JSON is reported with Jackson's \"[Source: REDACTED (`StreamReadFeature."
              + "INCLUDE_SOURCE_IN_LOCATION` disabled); line: L, column: C]\" instead of the line and column",
          (c, r) -> r.stderr().lines().anyMatch(l -> l.startsWith("error: ") && l.contains("is not valid JSON")
              && l.contains("[Source: REDACTED") && c.mutated().getFileName().toString().equals("mock-config.json"))),
      new Known("cli (RunCommand's check of the execution input)",
          "an execution input with an unclosed or wrongly closed bracket is reported with Jackson's"
              + " \"[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: L, column: C]\"",
          (c, r) -> r.stderr().lines().anyMatch(l -> l.startsWith("error: Invalid execution input")
              && l.contains("[Source: REDACTED"))));

  private CliFuzzFindings() {}

  static Optional<Known> match(CliFuzzRecipes.Case c, CliFuzzTest.Result r) {
    return KNOWN.stream().filter(k -> k.matches().test(c, r)).findFirst();
  }
}
