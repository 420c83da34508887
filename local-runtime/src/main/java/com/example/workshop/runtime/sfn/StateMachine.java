package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
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
  /** The executable model, compiled on first start and shared by every execution after. */
  private volatile CompiledMachine compiled;

  private StateMachine(JsonNode definition, Map<String, String> substitutions, String sourceName,
      LineLocator lines) {
    this.definition = definition;
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
    Checked checked = check(json, values, sourceName);
    if (!checked.diagnostics().isEmpty()) {
      throw new DefinitionException(sourceName, checked.diagnostics());
    }
    return new StateMachine(checked.root().deepCopy(), values, sourceName, checked.lines());
  }

  /** Every problem AWS would report for this definition; empty when it is valid. */
  public static List<Diagnostic> validate(String json, Map<String, String> substitutions) {
    return check(json, substitutions == null ? Map.of() : substitutions, INLINE_SOURCE)
        .diagnostics();
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

  CompiledMachine compiled() {
    CompiledMachine c = compiled;
    if (c == null) {
      c = new CompiledMachine(definition);
      compiled = c;
    }
    return c;
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

  private record Checked(JsonNode root, LineLocator lines, List<Diagnostic> diagnostics) {}

  private static Checked check(String json, Map<String, String> values, String sourceName) {
    // A byte-order mark is file encoding (editors on Windows add it), not definition text.
    String text = json != null && json.startsWith("\uFEFF") ? json.substring(1) : json;
    Substitutions.Result substituted = Substitutions.apply(text, values);
    DefinitionReader.ReadResult read = DefinitionReader.read(substituted.text(), sourceName);
    List<Diagnostic> all = new ArrayList<>();
    for (Diagnostic d : substituted.diagnostics()) {
      all.add(read.root() == null ? d : locate(d, read.root()));
    }
    all.addAll(read.diagnostics());
    if (read.root() != null) {
      all.addAll(DefinitionValidator.validate(read.root(), read.lines()));
    }
    return new Checked(read.root(), read.lines(), List.copyOf(all));
  }

  /** Points an unresolved-substitution diagnostic at the first string holding the placeholder. */
  private static Diagnostic locate(Diagnostic d, JsonNode root) {
    String placeholder = d.message().substring(d.message().indexOf("${"),
        d.message().indexOf('}') + 1);
    String pointer = find(root, "", placeholder);
    return pointer == null ? d : new Diagnostic(d.code(), pointer, d.message(), d.line());
  }

  private static String find(JsonNode node, String pointer, String text) {
    if (node.isTextual()) {
      return node.asText().contains(text) ? pointer : null;
    }
    if (node.isObject()) {
      for (var it = node.fields(); it.hasNext(); ) {
        var e = it.next();
        String p = LineLocator.child(pointer, e.getKey());
        if (e.getKey().contains(text)) {
          return p;
        }
        String found = find(e.getValue(), p, text);
        if (found != null) {
          return found;
        }
      }
    }
    for (int i = 0; node.isArray() && i < node.size(); i++) {
      String found = find(node.get(i), LineLocator.child(pointer, i), text);
      if (found != null) {
        return found;
      }
    }
    return null;
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

  @Override
  public String toString() {
    return "StateMachine[" + sourceName + ", StartAt=" + definition.path("StartAt").asText() + "]";
  }
}
