package com.example.workshop.runtime;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Where a command's state machine definition comes from, the same for validate, diagram and run:
 * {@code --definition FILE} (or FILE alone) with {@code --substitution KEY=VALUE} for its
 * {@code ${...}} placeholders.
 */
final class DefinitionOptions {
  @Option(names = "--definition", paramLabel = "FILE",
      description = "the state machine definition (Amazon States Language, JSON)")
  String definition;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "shorthand for --definition FILE")
  String positional;

  @Option(names = "--substitution", paramLabel = "KEY=VALUE",
      description = "the value of a $${KEY} placeholder, as DefinitionSubstitutions gives it (repeat for more)")
  Map<String, String> substitutions = new LinkedHashMap<>();

  /** The definition's text, where it came from and its substitutions. */
  record Source(String name, Path path, String text, Map<String, String> substitutions) {}

  Source load(Streams io, String command) {
    if (definition != null && positional != null) {
      throw new UsageException("give the definition once: --definition " + definition + " or " + positional
          + ", not both");
    }
    String file = definition != null ? definition : positional;
    if (file == null) {
      throw new UsageException("missing required option --definition FILE (see " + command + " --help)");
    }
    String text = InputText.read(file, "definition", io.in(), InputText.Limit.FILE);
    return new Source(file, file.equals("-") ? null : Path.of(file), text, Map.copyOf(substitutions));
  }
}
