package com.example.workshop.runtime.sfn;

import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.definition.Definitions;
import com.example.workshop.runtime.sfn.internal.definition.ExpressRules;
import com.example.workshop.runtime.sfn.internal.definition.LineLocator;
import com.example.workshop.runtime.sfn.internal.definition.Problem;
import com.example.workshop.runtime.sfn.internal.model.Machine;
import com.example.workshop.runtime.sfn.internal.render.ExecutionPath;
import com.example.workshop.runtime.sfn.internal.render.MermaidDiagram;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A parsed, validated, immutable state machine definition. Loading fails with a
 * {@link DefinitionException} for everything AWS's CreateStateMachine would reject.
 */
public final class StateMachine {
  static final String UNREADABLE = "UNREADABLE_DEFINITION";
  private static final String INLINE_SOURCE = "<definition>";

  private final JsonNode definition;
  private final Map<String, String> substitutions;
  private final String sourceName;
  private final LineLocator lines;
  /** The executable model, shared by every execution. */
  private final Machine compiled;
  /** History length of the last execution (a sizing hint only; races are harmless). */
  volatile int eventsHint = 16;

  private StateMachine(JsonNode definition, Machine compiled, Map<String, String> substitutions,
      String sourceName, LineLocator lines) {
    this.definition = definition;
    this.compiled = compiled;
    this.substitutions = substitutions;
    this.sourceName = sourceName;
    this.lines = lines;
  }

  /** Loads a definition file (UTF-8 JSON). */
  public static StateMachine load(Path file) {
    return load(file, Map.of());
  }

  /** Loads a definition file, resolving {@code ${Key}} placeholders first. */
  public static StateMachine load(Path file, Map<String, String> substitutions) {
    return parse(read(file), substitutions, file.toString());
  }

  /** Parses definition text, resolving {@code ${Key}} placeholders first. */
  public static StateMachine parse(String json, Map<String, String> substitutions) {
    return parse(json, substitutions, INLINE_SOURCE);
  }

  static StateMachine parse(String json, Map<String, String> substitutions, String sourceName) {
    Map<String, String> values = Map.copyOf(substitutions == null ? Map.of() : substitutions);
    Definitions.Checked checked = Definitions.check(json, values, sourceName);
    if (!checked.problems().isEmpty()) {
      throw new DefinitionException(sourceName, diagnostics(checked.problems()));
    }
    return new StateMachine(checked.root().deepCopy(), checked.machine(), values, sourceName,
        checked.lines());
  }

  /** Every problem AWS would report for this definition; empty when it is valid. */
  public static List<Diagnostic> validate(String json, Map<String, String> substitutions) {
    return validate(json, substitutions, StateMachineType.STANDARD);
  }

  /**
   * Every problem AWS would report for this definition as a machine of {@code type} (EXPRESS adds
   * its own rules, see {@link StateMachineType}); empty when it is valid.
   */
  public static List<Diagnostic> validate(String json, Map<String, String> substitutions,
      StateMachineType type) {
    Definitions.Checked checked = Definitions.check(json,
        substitutions == null ? Map.of() : substitutions, INLINE_SOURCE);
    List<Problem> problems = checked.problems();
    if (type == StateMachineType.EXPRESS && checked.root() != null) {
      problems = new java.util.ArrayList<>(problems);
      problems.addAll(ExpressRules.check(checked.root(), checked.lines()));
    }
    return diagnostics(problems);
  }

  /** The definition as JSON text, its substitutions resolved (what AWS would store). */
  public String definitionJson() {
    return Json.text(definition);
  }

  /** The definition as a Mermaid flowchart (GitHub renders it in Markdown). */
  public String toMermaid() {
    return MermaidDiagram.render(definition, null);
  }

  /** The flowchart with one execution's path, failed and retried states highlighted. */
  String toMermaid(ExecutionPath overlay) {
    return MermaidDiagram.render(definition, overlay);
  }

  /** The flowchart with the path of {@code overlay} (an execution of this machine) highlighted. */
  public String toMermaid(Execution overlay) {
    return toMermaid(overlay.path());
  }

  Machine compiled() {
    return compiled;
  }

  /** The validated definition; shared, so callers must not mutate it. */
  JsonNode definition() {
    return definition;
  }

  Map<String, String> substitutions() {
    return substitutions;
  }

  /** The file name, or {@code <definition>} for parsed text. */
  String sourceName() {
    return sourceName;
  }

  /** 1-based line of the node at a JSON pointer (e.g. {@code /States/Charge}), 0 if unknown. */
  int lineOf(String pointer) {
    return lines.lineOf(pointer);
  }

  private static List<Diagnostic> diagnostics(List<Problem> problems) {
    return problems.stream()
        .map(p -> new Diagnostic(p.code(), p.location(), p.message(), p.line()))
        .toList();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw unreadable(file, "file not found");
    } catch (IOException e) {
      throw unreadable(file, e.getMessage());
    }
  }

  private static DefinitionException unreadable(Path file, String why) {
    return new DefinitionException(file.toString(),
        List.of(new Diagnostic(UNREADABLE, null, "cannot read " + file + ": " + why, 0)));
  }

  /** {@code statemachine/order.asl.json} → {@code order}; parsed text → LocalStateMachine. */
  String defaultName() {
    String source = sourceName;
    if (source == null || source.startsWith("<")) {
      return StartOptions.DEFAULT_STATE_MACHINE_NAME;
    }
    String name = Path.of(source).getFileName().toString();
    for (String suffix : new String[] {".asl.json", ".asl.yaml", ".json"}) {
      if (name.endsWith(suffix)) {
        name = name.substring(0, name.length() - suffix.length());
        break;
      }
    }
    name = name.replaceAll("[^A-Za-z0-9_-]", "-");
    return name.isEmpty() || name.length() > 80 ? StartOptions.DEFAULT_STATE_MACHINE_NAME : name;
  }

  @Override
  public String toString() {
    return "StateMachine[" + sourceName + ", StartAt=" + definition.path("StartAt").asText() + "]";
  }
}
