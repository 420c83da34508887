package com.example.workshop.runtime.sfn.internal.definition;

import com.example.workshop.runtime.sfn.internal.model.Machine;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Definition text → substituted, parsed and compiled machine, with every problem AWS would report.
 */
public final class Definitions {
  private Definitions() {}

  /**
   * The tree (null when the text is not a JSON object), its line map, the problems found and,
   * when there are none, the compiled machine.
   */
  public record Checked(JsonNode root, LineLocator lines, List<Problem> problems,
      Machine machine) {}

  public static Checked check(String json, Map<String, String> values, String sourceName) {
    // A byte-order mark is file encoding (editors on Windows add it), not definition text.
    String text = json != null && json.startsWith("\uFEFF") ? json.substring(1) : json;
    Substitutions.Result substituted = Substitutions.apply(text, values);
    DefinitionReader.ReadResult read = DefinitionReader.read(substituted.text(), sourceName);
    List<Problem> all = new ArrayList<>();
    for (Problem p : substituted.diagnostics()) {
      all.add(read.root() == null ? p : locate(p, read.root()));
    }
    all.addAll(read.diagnostics());
    Machine machine = null;
    if (read.root() != null) {
      Compiler.Result compiled = Compiler.compile(read.root(), read.lines());
      all.addAll(compiled.problems());
      machine = compiled.machine();
    }
    return new Checked(read.root(), read.lines(), List.copyOf(all),
        all.isEmpty() ? machine : null);
  }

  /** Points an unresolved-substitution problem at the first string holding the placeholder. */
  private static Problem locate(Problem p, JsonNode root) {
    String placeholder = p.message().substring(p.message().indexOf("${"),
        p.message().indexOf('}') + 1);
    String pointer = find(root, "", placeholder);
    return pointer == null ? p : new Problem(p.code(), pointer, p.message(), p.line());
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
}
