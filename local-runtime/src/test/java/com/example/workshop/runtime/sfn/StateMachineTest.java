package com.example.workshop.runtime.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateMachineTest {
  private static final String VALID = """
      {"StartAt": "Receive", "States": {"Receive": {"Type": "Pass", "End": true}}}
      """;

  @Test
  @DisplayName("a valid file loads, remembering its name and lines")
  void loadsAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("order.asl.json");
    Files.writeString(file, VALID);
    StateMachine machine = StateMachine.load(file);
    assertEquals(file.toString(), machine.sourceName());
    assertEquals("Receive", machine.definition().path("StartAt").asText());
    assertEquals(1, machine.lineOf("/States/Receive"));
    assertEquals(Map.of(), machine.substitutions());
  }

  @Test
  @DisplayName("a missing file is a DefinitionException naming the file")
  void missingFile(@TempDir Path dir) {
    Path file = dir.resolve("nope.json");
    DefinitionException e = assertThrows(DefinitionException.class, () -> StateMachine.load(file));
    assertEquals("UNREADABLE_DEFINITION", e.diagnostics().get(0).code());
    assertTrue(e.getMessage().contains("cannot read " + file + ": file not found"), e.getMessage());
  }

  @Test
  @DisplayName("validate returns [] for a valid definition and never throws")
  void validateNeverThrows() {
    assertEquals(List.of(), StateMachine.validate(VALID, Map.of()));
    assertEquals(List.of("INVALID_JSON_DESCRIPTION"),
        StateMachine.validate("{", null).stream().map(Diagnostic::code).toList());
  }

  @Test
  @DisplayName("the definition is the machine's own copy")
  void definitionIsACopy() {
    StateMachine a = StateMachine.parse(VALID, Map.of());
    StateMachine b = StateMachine.parse(VALID, Map.of());
    assertNotSame(a.definition(), b.definition());
    assertEquals(a.definition(), b.definition());
  }

  @Test
  @DisplayName("the exception message lists each problem on its own line")
  void exceptionMessage() {
    DefinitionException e = assertThrows(DefinitionException.class,
        () -> StateMachine.parse("{\n\"StartAt\": \"A\",\n\"States\": {\"A\": {\"Type\": \"Pass\"}}}", Map.of()));
    assertEquals("""
        Invalid state machine definition <definition> (2 problems):
          <definition>:3: SCHEMA_VALIDATION_FAILED: One of these fields is required: [Next, End] at /States/A
          <definition>:3: MISSING_END_STATE: Workflow has no terminal state""", e.getMessage());
  }

  @Test
  @DisplayName("Diagnostic.toString reads as line, code, message and pointer")
  void diagnosticToString() {
    assertEquals("line 12: SCHEMA_VALIDATION_FAILED: These fields are required: [States, StartAt] at /",
        new Diagnostic("SCHEMA_VALIDATION_FAILED", "/", "These fields are required: [States, StartAt]", 12)
            .toString());
    assertEquals("MISSING_END_STATE: Workflow has no terminal state",
        new Diagnostic("MISSING_END_STATE", null, "Workflow has no terminal state", 0).toString());
  }

  @Test
  @DisplayName("a field a state does not support is reported on the field's own line")
  void unsupportedFieldLine() {
    List<Diagnostic> found = StateMachine.validate("""
        {
          "StartAt": "Ship",
          "States": {
            "Ship": {
              "Type": "Pass",
              "TimeoutSeconds": 30,
              "End": true
            }
          }
        }
        """, Map.of());
    assertEquals(List.of(new Diagnostic("SCHEMA_VALIDATION_FAILED", "/States/Ship",
        "Field 'TimeoutSeconds' is not supported", 6)), found);
  }

  @Test
  @DisplayName("a UTF-8 byte-order mark and Windows line endings are fine")
  void byteOrderMarkAndCrlf() {
    StateMachine machine = StateMachine.parse("\uFEFF{\r\n\"StartAt\": \"Receive\",\r\n"
        + "\"States\": {\"Receive\": {\"Type\": \"Pass\", \"End\": true}}}\r\n", Map.of());
    assertEquals(3, machine.lineOf("/States/Receive"));
  }
}
