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

  /** Empty: the mock file's and the execution input's parser messages are fixed (issue 12). */
  static final List<Known> KNOWN = List.of();

  private CliFuzzFindings() {}

  static Optional<Known> match(CliFuzzRecipes.Case c, CliFuzzTest.Result r) {
    return KNOWN.stream().filter(k -> k.matches().test(c, r)).findFirst();
  }
}
