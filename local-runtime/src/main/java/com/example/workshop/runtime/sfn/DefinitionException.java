package com.example.workshop.runtime.sfn;

import java.util.List;
import java.util.stream.Collectors;

/** A definition AWS would reject; {@link #diagnostics()} says what, where and why. */
public final class DefinitionException extends RuntimeException {
  private final transient List<Diagnostic> diagnostics;

  DefinitionException(String sourceName, List<Diagnostic> diagnostics) {
    super(describe(sourceName, diagnostics));
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** The problems, in the order they were found; never empty. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  private static String describe(String sourceName, List<Diagnostic> diagnostics) {
    return "Invalid state machine definition " + sourceName + " (" + diagnostics.size()
        + (diagnostics.size() == 1 ? " problem" : " problems") + "):\n"
        + diagnostics.stream().map(d -> "  " + d.format(sourceName)).collect(Collectors.joining("\n"));
  }
}
