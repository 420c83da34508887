package com.example.workshop.runtime;

import com.example.workshop.runtime.sam.SamApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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

  @Option(names = "--template", paramLabel = "FILE",
      description = "a SAM template: its state machine's DefinitionUri and DefinitionSubstitutions"
          + " (and for run its functions' handlers, CodeUri, timeouts, memory and environment)")
  String template;

  @Option(names = "--state-machine", paramLabel = "ID",
      description = "with --template: the state machine's logical id, when the template has several")
  String stateMachine;

  @Option(names = "--substitution", paramLabel = "KEY=VALUE",
      description = "the value of a $${KEY} placeholder, as DefinitionSubstitutions gives it (repeat for more;"
          + " with --template, replaces the template's)")
  Map<String, String> substitutions = new LinkedHashMap<>();

  @Option(names = "--parameter", paramLabel = "NAME=VALUE",
      description = "with --template: the value of a template parameter, as sam deploy --parameter-overrides"
          + " gives it (repeat for more); the others keep their Default")
  Map<String, String> parameters = new LinkedHashMap<>();

  /** What a command sets on the template before it is read (run's --region and --account). */
  java.util.function.UnaryOperator<SamApplication> settings = app -> app;

  /**
   * The definition's text, where it came from and its substitutions; with a template, the template
   * and the state machine's logical id too.
   */
  record Source(String name, Path path, String text, Map<String, String> substitutions, SamApplication app,
      String stateMachineId) {}

  Source load(Streams io, String command) {
    String file = definition != null ? definition : positional;
    if (definition != null && positional != null) {
      throw new UsageException("give the definition once: --definition " + definition + " or " + positional
          + ", not both");
    }
    if (template != null) {
      if (file != null) {
        throw new UsageException("--template names the definition (DefinitionUri): leave out " + file);
      }
      return fromTemplate(io, command);
    }
    if (stateMachine != null) {
      throw new UsageException("--state-machine chooses among a template's state machines: use it with --template");
    }
    if (!parameters.isEmpty()) {
      throw new UsageException("--parameter sets a template's parameter: use it with --template");
    }
    if (file == null) {
      throw new UsageException("missing required option --definition FILE or --template FILE (see " + command
          + " --help)");
    }
    String text = InputText.read(file, "definition", io.in(), InputText.Limit.FILE);
    return new Source(file, file.equals("-") ? null : Path.of(file), text, Map.copyOf(substitutions), null, null);
  }

  private Source fromTemplate(Streams io, String command) {
    Path path = InputText.path(template, "template");
    if (Files.isDirectory(path)) {
      throw new UsageException("template " + template + " is a folder; give its template.yaml");
    }
    if (!Files.isRegularFile(path)) {
      throw new UsageException("template file not found: " + template);
    }
    try {
      SamApplication app = settings.apply(SamApplication.load(path));
      for (Map.Entry<String, String> p : parameters.entrySet()) {
        app = app.withParameter(p.getKey(), p.getValue());
      }
      String id = stateMachineId(app);
      Path file = app.definitionFile(id);
      Map<String, String> values = new LinkedHashMap<>(app.substitutions(id));
      values.putAll(substitutions);
      String text = InputText.read(file.toString(), "definition", io.in(), InputText.Limit.FILE);
      return new Source(file.toString(), file, text, Map.copyOf(values), app, id);
    } catch (IllegalArgumentException e) {
      throw new UsageException(RunCommand.oneLine(e.getMessage()));
    }
  }

  private String stateMachineId(SamApplication app) {
    var ids = app.stateMachineIds();
    if (stateMachine != null) {
      if (!ids.contains(stateMachine)) {
        throw new UsageException(template + " has no state machine " + stateMachine
            + (ids.isEmpty() ? "" : "; its state machines: " + String.join(", ", ids))
            + Suggestions.didYouMean(stateMachine, ids));
      }
      return stateMachine;
    }
    if (ids.isEmpty()) {
      throw new UsageException(template + " declares no state machine (AWS::Serverless::StateMachine)");
    }
    if (ids.size() > 1) {
      throw new UsageException(template + " declares " + ids.size() + " state machines (" + String.join(", ", ids)
          + "): choose one with --state-machine ID");
    }
    return ids.get(0);
  }
}
