package com.example.workshop.runtime;

import com.example.workshop.runtime.sam.SamApplication;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Where a command's state machine definition comes from, the same for validate, diagram and run:
 * {@code --definition FILE} (or FILE alone) with {@code --substitution KEY=VALUE} for its
 * {@code ${...}} placeholders, or {@code --template template.yaml}, which gives both (DefinitionUri
 * and DefinitionSubstitutions) and the functions.
 */
final class DefinitionOptions {
  @Option(names = "--definition", paramLabel = "FILE",
      description = "the state machine definition (Amazon States Language, JSON)")
  String definition;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "shorthand for --definition FILE")
  String positional;

  @Mixin TemplateOptions template = new TemplateOptions();

  @Option(names = "--substitution", paramLabel = "KEY=VALUE",
      description = "the value of a $${KEY} placeholder, as DefinitionSubstitutions gives it (repeat for more;"
          + " with --template, replaces the template's)")
  Map<String, String> substitutions = new LinkedHashMap<>();

  /** What a command sets on the template before it is read (run's --region and --account). */
  java.util.function.UnaryOperator<SamApplication> settings = app -> app;

  /**
   * The definition's text, where it came from and its substitutions; with a template, the template
   * and the state machine's logical id too.
   */
  record Source(String name, Path path, String text, Map<String, String> substitutions, SamApplication app,
      String stateMachineId) {
    /** A problem's line: in the template for an inline Definition, else in the definition's file. */
    int line(com.example.workshop.runtime.sfn.Diagnostic d) {
      if (app != null && path == null) {
        int line = app.inlineDefinitionLine(stateMachineId, d.location());
        return line > 0 ? line : d.line();
      }
      return d.line();
    }
  }

  Source load(Streams io, String command) {
    String file = definition != null ? definition : positional;
    if (definition != null && positional != null) {
      throw new UsageException("give the definition once: --definition " + definition + " or " + positional
          + ", not both");
    }
    if (template.given()) {
      if (file != null) {
        throw new UsageException("--template names the definition (DefinitionUri): leave out " + file);
      }
      return fromTemplate(io, command);
    }
    template.checkUnused();
    if (file == null) {
      throw new UsageException("missing required option --definition FILE or --template FILE (see " + command
          + " --help)");
    }
    String text = InputText.read(file, "definition", io.in(), InputText.Limit.FILE);
    return new Source(file, file.equals("-") ? null : Path.of(file), text, Map.copyOf(substitutions), null, null);
  }

  private Source fromTemplate(Streams io, String command) {
    SamApplication app = template.load(settings);
    String id = template.stateMachineId(app, null);
    try {
      Map<String, String> values = new LinkedHashMap<>(app.substitutions(id));
      values.putAll(substitutions);
      if (app.hasInlineDefinition(id)) {
        return new Source(template.file, null, app.inlineDefinition(id), Map.copyOf(values), app, id);
      }
      Path file = app.definitionFile(id);
      String text = InputText.read(file.toString(), "definition", io.in(), InputText.Limit.FILE);
      return new Source(file.toString(), file, text, Map.copyOf(values), app, id);
    } catch (IllegalArgumentException e) {
      throw new UsageException(RunCommand.oneLine(e.getMessage()));
    }
  }
}
