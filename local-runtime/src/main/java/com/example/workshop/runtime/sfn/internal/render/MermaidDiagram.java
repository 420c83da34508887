package com.example.workshop.runtime.sfn.internal.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders a definition as a Mermaid {@code flowchart TD} that GitHub displays: start and end
 * nodes, one node per state (name and type), labelled Next / Default / Choice / Catch edges,
 * Parallel branches and Map processors as subgraphs. With an {@link ExecutionPath} it highlights
 * visited, failed and retried states and the edges the execution took. Output is deterministic
 * (document order) so it can be compared with a checked-in file.
 */
public final class MermaidDiagram {
  private final StringBuilder out = new StringBuilder();
  private final Map<String, String> ids = new HashMap<>();
  private final List<String[]> edges = new ArrayList<>();
  private final Set<String> containers = new LinkedHashSet<>();
  private final Map<String, Integer> scopeOf = new HashMap<>();
  private int counter;
  private int scopes;

  private MermaidDiagram() {}

  public static String render(JsonNode definition, ExecutionPath overlay) {
    MermaidDiagram d = new MermaidDiagram();
    d.assignIds(definition);
    return d.draw(definition, overlay);
  }

  private void assignIds(JsonNode scope) {
    int scopeId = scopes++;
    for (Iterator<Map.Entry<String, JsonNode>> it = scope.path("States").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      ids.putIfAbsent(e.getKey(), "s" + counter++);
      scopeOf.putIfAbsent(e.getKey(), scopeId);
      JsonNode s = e.getValue();
      for (JsonNode branch : s.path("Branches")) {
        assignIds(branch);
      }
      if (s.has("ItemProcessor") || s.has("Iterator")) {
        assignIds(s.has("ItemProcessor") ? s.path("ItemProcessor") : s.path("Iterator"));
      }
    }
  }

  private String draw(JsonNode definition, ExecutionPath overlay) {
    out.append("flowchart TD\n");
    out.append("  start((\"Start\"))\n");
    out.append("  finish((\"End\"))\n");
    scopeNodes(definition, "  ");
    String startAt = definition.path("StartAt").asText(null);
    if (startAt != null && ids.containsKey(startAt)) {
      edge("start", ids.get(startAt), null, false);
    }
    scopeEdges(definition, true);
    for (String[] e : edges) {
      out.append("  ").append(e[0]).append(e[3].equals("dashed") ? " -.->" : " -->");
      if (e[2] != null) {
        out.append("|\"").append(escape(e[2])).append("\"|");
      }
      out.append(' ').append(e[1]).append('\n');
    }
    styles(definition, overlay);
    return out.toString();
  }

  private void scopeNodes(JsonNode scope, String indent) {
    for (Iterator<Map.Entry<String, JsonNode>> it = scope.path("States").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      JsonNode s = e.getValue();
      String type = s.path("Type").asText("?");
      String id = ids.get(name);
      String kind = s.path("Retry").isEmpty() ? type : type + " · Retry";
      String label = "\"" + escape(name) + "<br/><i>" + escape(kind) + "</i>\"";
      switch (type) {
        case "Parallel" -> {
          containers.add(id);
          out.append(indent).append("subgraph ").append(id).append('[').append(label).append("]\n");
          out.append(indent).append("  direction TB\n");
          int i = 0;
          for (JsonNode branch : s.path("Branches")) {
            out.append(indent).append("  subgraph ").append(id).append("_b").append(i)
                .append("[\"Branch ").append(i + 1).append("\"]\n");
            scopeNodes(branch, indent + "    ");
            out.append(indent).append("  end\n");
            i++;
          }
          out.append(indent).append("end\n");
        }
        case "Map" -> {
          containers.add(id);
          out.append(indent).append("subgraph ").append(id).append('[').append(label).append("]\n");
          out.append(indent).append("  direction TB\n");
          scopeNodes(s.has("ItemProcessor") ? s.path("ItemProcessor") : s.path("Iterator"),
              indent + "  ");
          out.append(indent).append("end\n");
        }
        case "Choice" -> out.append(indent).append(id).append('{').append(label).append("}\n");
        case "Succeed", "Fail" ->
            out.append(indent).append(id).append("([").append(label).append("])\n");
        default -> out.append(indent).append(id).append('[').append(label).append("]\n");
      }
    }
  }

  private void scopeEdges(JsonNode scope, boolean root) {
    for (Iterator<Map.Entry<String, JsonNode>> it = scope.path("States").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String id = ids.get(e.getKey());
      JsonNode s = e.getValue();
      String type = s.path("Type").asText("");
      if (s.has("Next")) {
        target(id, s.path("Next").asText(), null, false);
      }
      if (root && (s.path("End").asBoolean(false) || type.equals("Succeed") || type.equals("Fail"))) {
        edge(id, "finish", null, false);
      }
      if (type.equals("Choice")) {
        for (JsonNode rule : s.path("Choices")) {
          target(id, rule.path("Next").asText(), ChoiceSummary.of(rule), false);
        }
        if (s.has("Default")) {
          target(id, s.path("Default").asText(), "Default", false);
        }
      }
      for (JsonNode c : s.path("Catch")) {
        List<String> errors = new ArrayList<>();
        c.path("ErrorEquals").forEach(n -> errors.add(n.asText()));
        target(id, c.path("Next").asText(), "Catch " + String.join(", ", errors), true);
      }
      for (JsonNode branch : s.path("Branches")) {
        scopeEdges(branch, false);
      }
      scopeEdges(s.has("ItemProcessor") ? s.path("ItemProcessor") : s.path("Iterator"), false);
    }
  }

  private void target(String from, String toName, String label, boolean dashed) {
    String to = ids.get(toName);
    if (to != null) {
      edge(from, to, label, dashed);
    }
  }

  private void edge(String from, String to, String label, boolean dashed) {
    edges.add(new String[] {from, to, label, dashed ? "dashed" : "solid"});
  }

  private void styles(JsonNode definition, ExecutionPath overlay) {
    List<String> failStates = new ArrayList<>();
    collect(definition, "Fail", failStates);
    out.append("  classDef terminal fill:#eeeeee,stroke:#555555\n");
    out.append("  class start,finish terminal\n");
    if (!failStates.isEmpty()) {
      out.append("  classDef failState stroke:#c62828,stroke-width:2px\n");
      out.append("  class ").append(String.join(",", failStates)).append(" failState\n");
    }
    if (overlay == null) {
      return;
    }
    out.append("  classDef visited fill:#c8e6c9,stroke:#2e7d32,stroke-width:2px\n");
    out.append("  classDef retried fill:#ffe0b2,stroke:#ef6c00,stroke-width:3px\n");
    out.append("  classDef failed fill:#ffcdd2,stroke:#c62828,stroke-width:3px\n");
    classLine("visited", overlay.visited());
    classLine("retried", overlay.retried());
    classLine("failed", overlay.failed());
    // An edge was taken when its ends follow each other among the visited states of one scope
    // (a Map's iterations and a Parallel's branches interleave with the outer states).
    Map<Integer, List<String>> byScope = new HashMap<>();
    byScope.computeIfAbsent(0, k -> new ArrayList<>()).add("start");
    for (String name : overlay.visited()) {
      if (ids.containsKey(name)) {
        byScope.computeIfAbsent(scopeOf.get(name), k -> new ArrayList<>()).add(ids.get(name));
      }
    }
    // The run reached the end unless a state failed at or after the entry of the last outer state.
    List<String> visited = overlay.visited();
    int lastOuter = -1;
    for (int i = 0; i < visited.size(); i++) {
      if (Integer.valueOf(0).equals(scopeOf.get(visited.get(i)))) {
        lastOuter = i;
      }
    }
    boolean failedAtEnd = lastOuter < 0;
    for (int i = Math.max(lastOuter, 0); i < visited.size(); i++) {
      failedAtEnd |= overlay.failed().contains(visited.get(i));
    }
    if (!failedAtEnd) {
      byScope.get(0).add("finish");
    }
    Set<Integer> taken = new LinkedHashSet<>();
    for (List<String> path : byScope.values()) {
      for (int i = 0; i + 1 < path.size(); i++) {
        for (int k = 0; k < edges.size(); k++) {
          if (edges.get(k)[0].equals(path.get(i)) && edges.get(k)[1].equals(path.get(i + 1))) {
            taken.add(k);
            break;
          }
        }
      }
    }
    if (!taken.isEmpty()) {
      List<String> idx = new ArrayList<>();
      taken.stream().sorted().forEach(k -> idx.add(Integer.toString(k)));
      out.append("  linkStyle ").append(String.join(",", idx))
          .append(" stroke:#2e7d32,stroke-width:3px\n");
    }
  }

  private void classLine(String cls, Iterable<String> names) {
    // Document order, whatever the order of the given set: the output must be deterministic.
    Set<Integer> indexes = new TreeSet<>();
    for (String name : names) {
      if (ids.containsKey(name)) {
        indexes.add(Integer.parseInt(ids.get(name).substring(1)));
      }
    }
    if (!indexes.isEmpty()) {
      out.append("  class ")
          .append(String.join(",", indexes.stream().map(i -> "s" + i).toList()))
          .append(' ').append(cls).append('\n');
    }
  }

  private void collect(JsonNode scope, String type, List<String> into) {
    for (Iterator<Map.Entry<String, JsonNode>> it = scope.path("States").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().path("Type").asText("").equals(type)) {
        into.add(ids.get(e.getKey()));
      }
      for (JsonNode branch : e.getValue().path("Branches")) {
        collect(branch, type, into);
      }
      JsonNode s = e.getValue();
      collect(s.has("ItemProcessor") ? s.path("ItemProcessor") : s.path("Iterator"), type, into);
    }
  }

  /** Mermaid entity codes for characters that would end or break a quoted label. */
  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> b.append("#quot;");
        case '#' -> b.append("#35;");
        case '<' -> b.append("#lt;");
        case '>' -> b.append("#gt;");
        case '|' -> b.append("#124;");
        case '\n', '\r' -> b.append(' ');
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
