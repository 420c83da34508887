package com.example.orders.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.runtime.sfn.DefinitionException;
import com.example.workshop.runtime.sfn.Diagnostic;
import com.example.workshop.runtime.sfn.StateMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The seed article's ASL example, as it was printed, and its corrected version. */
class SeedExampleTest {

  private static final Path ORIGINAL = Path.of("src/test/resources/seed/seed-original.json");
  private static final Path CORRECTED = Path.of("statemachine/seed-corrected.asl.json");
  private static final Map<String, String> SAM_VALUES =
      Map.of("Region", "eu-central-1", "AccountId", "123456789012", "FunctionName", "ValidateOrder");

  @Test
  @DisplayName("the seed's JSON is rejected: States and StartAt appear three times each")
  void duplicateKeysAreReported() throws Exception {
    List<Diagnostic> found = StateMachine.validate(Files.readString(ORIGINAL), Map.of());
    List<String> duplicates = found.stream()
        .filter(d -> d.message().startsWith("Duplicate field"))
        .map(d -> d.line() + " " + d.location())
        .toList();
    assertEquals(List.of("14 /States", "25 /StartAt", "26 /States", "37 /StartAt"), duplicates, found.toString());
  }

  @Test
  @DisplayName("the seed's NextState can never run: nothing transitions to it")
  void nextStateIsUnreachable() throws Exception {
    List<Diagnostic> found = StateMachine.validate(Files.readString(ORIGINAL), Map.of());
    assertTrue(found.stream().anyMatch(d -> d.code().equals("MISSING_TRANSITION_TARGET")
        && "/States/NextState".equals(d.location())
        && d.message().contains("NextState") && d.message().contains("not reachable")), found.toString());
  }

  @Test
  @DisplayName("loading the seed fails with a message that lists every problem with its line")
  void loadFailsWithAllProblems() {
    DefinitionException e = assertThrows(DefinitionException.class, () -> StateMachine.load(ORIGINAL));
    assertEquals(5, e.diagnostics().size(), e.getMessage());
    assertTrue(e.getMessage().contains(":32: MISSING_TRANSITION_TARGET"), e.getMessage());
  }

  @Test
  @DisplayName("the corrected definition is valid once SAM fills in Region, AccountId and FunctionName")
  void correctedIsValid() throws Exception {
    String text = Files.readString(CORRECTED);
    List<Diagnostic> unfilled = StateMachine.validate(text, Map.of());
    assertEquals(List.of("${Region}", "${AccountId}", "${FunctionName}"), unfilled.stream()
        .map(d -> d.message().substring(d.message().indexOf("${"), d.message().indexOf('}') + 1))
        .toList(), "its placeholders, in order of first use: " + unfilled);
    assertEquals(List.of(), StateMachine.validate(text, SAM_VALUES));
  }

  @Test
  @DisplayName("without the substitutions the corrected definition says which value is missing")
  void missingSubstitutionIsNamed() throws Exception {
    List<Diagnostic> found = StateMachine.validate(Files.readString(CORRECTED), Map.of("Region", "eu-central-1"));
    assertEquals(2, found.size(), found.toString());
    assertTrue(found.get(0).message().contains("${AccountId}"), found.toString());
    assertTrue(found.get(1).message().contains("${FunctionName}"), found.toString());
  }
}
