package com.example.workshop.runtime.sfn;

/**
 * One problem found in a state machine definition, as ValidateStateMachineDefinition reports it.
 *
 * @param code AWS's diagnostic code, e.g. {@code SCHEMA_VALIDATION_FAILED}
 * @param location JSON pointer of the offending node ({@code "/"} for the root), AWS's own
 *     location text for JSON syntax errors, or {@code null} where AWS gives none
 * @param message AWS's wording where known
 * @param line 1-based line in the definition text, 0 when unknown
 */
public record Diagnostic(String code, String location, String message, int line) {

  /** E.g. {@code line 12: SCHEMA_VALIDATION_FAILED: These fields are required: [StartAt] at /}. */
  @Override
  public String toString() {
    return (line > 0 ? "line " + line + ": " : "") + code + ": " + message + locationSuffix();
  }

  /** {@code " at /States/A/Next"}, or empty when the location is not a JSON pointer. */
  String locationSuffix() {
    return location != null && location.startsWith("/") ? " at " + location : "";
  }

  /** The compiler-style form the CLI prints: {@code FILE:LINE: CODE: message at /pointer}. */
  String format(String sourceName) {
    return sourceName + ":" + line + ": " + code + ": " + message + locationSuffix();
  }
}
