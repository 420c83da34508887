package com.example.workshop.runtime.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The project's teaching example (the seed's ASL snippet) is rejected the way AWS would. */
class SeedExampleTest {
  private static final Path SEED = Path.of("src/test/resources/definitions/seed-example.json");

  @Test
  @DisplayName("the seed's repeated States and StartAt are reported with their lines")
  void reportsEveryDuplicateKeyWithItsLine() {
    DefinitionException e = assertThrows(DefinitionException.class, () -> StateMachine.load(SEED));
    List<Diagnostic> duplicates = e.diagnostics().stream()
        .filter(d -> d.message().startsWith("Duplicate field")).toList();
    assertEquals(List.of(
        new Diagnostic("INVALID_JSON_DESCRIPTION", "/States",
            "Duplicate field 'States' (first at line 2); JSON keeps only the last one, so remove"
                + " the other copies", 14),
        new Diagnostic("INVALID_JSON_DESCRIPTION", "/StartAt",
            "Duplicate field 'StartAt' (first at line 13); JSON keeps only the last one, so"
                + " remove the other copies", 25),
        new Diagnostic("INVALID_JSON_DESCRIPTION", "/States",
            "Duplicate field 'States' (first at line 2); JSON keeps only the last one, so remove"
                + " the other copies", 26),
        new Diagnostic("INVALID_JSON_DESCRIPTION", "/StartAt",
            "Duplicate field 'StartAt' (first at line 13); JSON keeps only the last one, so"
                + " remove the other copies", 37)), duplicates);
  }

  @Test
  @DisplayName("the seed's NextState is unreachable, reported at the copy JSON keeps")
  void reportsTheUnreachableState() {
    DefinitionException e = assertThrows(DefinitionException.class, () -> StateMachine.load(SEED));
    assertTrue(e.diagnostics().contains(new Diagnostic("MISSING_TRANSITION_TARGET",
        "/States/NextState", "State \"NextState\" is not reachable.", 32)), e.getMessage());
    assertEquals(5, e.diagnostics().size(), e.getMessage());
  }

  @Test
  @DisplayName("the exception message lists every problem as file:line")
  void messageListsProblemsWithFileAndLine() {
    DefinitionException e = assertThrows(DefinitionException.class, () -> StateMachine.load(SEED));
    assertTrue(e.getMessage().contains(SEED + ":32: MISSING_TRANSITION_TARGET: State \"NextState\""
        + " is not reachable. at /States/NextState"), e.getMessage());
    assertTrue(e.getMessage().contains(SEED + ":14: INVALID_JSON_DESCRIPTION: Duplicate field"
        + " 'States'"), e.getMessage());
  }
}
