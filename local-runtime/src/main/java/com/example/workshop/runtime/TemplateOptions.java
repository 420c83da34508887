package com.example.workshop.runtime;

import com.example.workshop.runtime.sam.SamApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * {@code --template FILE} with {@code --state-machine ID} and {@code --parameter NAME=VALUE}: a SAM
 * template and the state machine chosen in it, read the same way by every command that takes one.
 */
final class TemplateOptions {
  @Option(names = "--template", paramLabel = "FILE",
      description = "a SAM template: its state machine's DefinitionUri and DefinitionSubstitutions"
          + " (and for run, redrive and serve its functions' handlers, CodeUri, timeouts, memory and environment)")
  String file;

  @Option(names = "--state-machine", paramLabel = "ID",
      description = "with --template: the state machine's logical id, when the template has several")
  String stateMachine;

  @Option(names = "--parameter", paramLabel = "NAME=VALUE",
      description = "with --template: the value of a template parameter, as sam deploy --parameter-overrides"
          + " gives it (repeat for more); the others keep their Default")
  Map<String, String> parameters = new LinkedHashMap<>();

  boolean given() {
    return file != null;
  }

  /** Without --template, --state-machine and --parameter have nothing to choose from. */
  void checkUnused() {
    if (stateMachine != null) {
      throw new UsageException("--state-machine chooses among a template's state machines: use it with --template");
    }
    if (!parameters.isEmpty()) {
      throw new UsageException("--parameter sets a template's parameter: use it with --template");
    }
  }

  /** The template, {@code settings} (--region, --account) and then each --parameter applied. */
  SamApplication load(UnaryOperator<SamApplication> settings) {
    Path path = InputText.path(file, "template");
    if (Files.isDirectory(path)) {
      throw new UsageException("template " + file + " is a folder; give its template.yaml");
    }
    if (!Files.isRegularFile(path)) {
      throw new UsageException("template file not found: " + file);
    }
    try {
      SamApplication app = settings.apply(SamApplication.load(path));
      for (Map.Entry<String, String> p : parameters.entrySet()) {
        app = app.withParameter(p.getKey(), p.getValue());
      }
      return app;
    } catch (IllegalArgumentException e) {
      throw new UsageException(RunCommand.oneLine(e.getMessage()));
    }
  }

  /**
   * The state machine: --state-machine, else {@code preferred} when the template has it (null:
   * none), else the template's only one.
   */
  String stateMachineId(SamApplication app, String preferred) {
    List<String> ids = app.stateMachineIds();
    if (stateMachine != null) {
      if (!ids.contains(stateMachine)) {
        throw new UsageException(file + " has no state machine " + stateMachine
            + (ids.isEmpty() ? "" : "; its state machines: " + String.join(", ", ids))
            + Suggestions.didYouMean(stateMachine, ids));
      }
      return stateMachine;
    }
    if (preferred != null && ids.contains(preferred)) {
      return preferred;
    }
    if (ids.isEmpty()) {
      throw new UsageException(file + " declares no state machine (AWS::Serverless::StateMachine)");
    }
    if (ids.size() > 1) {
      throw new UsageException(file + " declares " + ids.size() + " state machines (" + String.join(", ", ids)
          + "): choose one with --state-machine ID");
    }
    return ids.get(0);
  }
}
