package com.example.workshop.checks;

import com.example.workshop.checks.Markdown.Block;
import com.example.workshop.checks.SourceRegions.SnippetException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks (and on request refreshes) the code blocks of a Markdown page against the sources they
 * are taken from. A block is tied to its source by a marker comment right above it:
 *
 * <pre>
 *   &lt;!-- snippet: 01-hello-lambda/src/main/java/com/example/hello/HelloHandler.java#handler --&gt;
 *   ```java
 *   ...
 *   ```
 * </pre>
 *
 * Java, JSON and YAML blocks must carry such a marker, or say why they are not compiled code with
 * {@code <!-- verbatim: reason -->} (a sample of program output, a deliberately broken input...).
 */
final class Snippets {
  private Snippets() {}

  static final String UPDATE_COMMAND = "./mvnw -B -ntp -pl repo-checks verify -Dsnippets.update=true";
  private static final Set<String> CODE_LANGUAGES = Set.of("java", "json", "yaml", "yml");
  private static final Pattern SNIPPET_MARKER = Pattern.compile("^\\s*<!--\\s*snippet\\s*:.*-->\\s*$");

  /** The problems of one page, each naming page, line and the fix. Empty when the page is in step. */
  static List<String> problems(Path root, Path page) {
    return run(root, page, false);
  }

  /** Rewrites stale blocks from their sources; returns what it could not fix (missing regions...). */
  static List<String> update(Path root, Path page) {
    return run(root, page, true);
  }

  private static List<String> run(Path root, Path page, boolean update) {
    String name = Markdown.name(root, page);
    List<String> lines = Markdown.lines(page);
    List<String> problems = new ArrayList<>();
    int unclosed = Markdown.unclosedFence(lines);
    if (unclosed > 0) {
      problems.add(name + ":" + unclosed + ": this code fence is never closed");
      return problems;
    }
    List<String> rewritten = new ArrayList<>(lines);
    int shift = 0;
    for (Block block : Markdown.blocks(lines)) {
      String reference = block.markers().get("snippet");
      if (reference == null) {
        if (CODE_LANGUAGES.contains(block.language()) && !block.markers().containsKey("verbatim")) {
          problems.add(
              name + ":" + block.openLine() + ": this " + block.info() + " block is not taken from a source file."
                  + " Mark a region in a compiled/tested file ('// snippet:name' ... '// end-snippet')"
                  + " and put '<!-- snippet: path/from/repo/root#name -->' above the block,"
                  + " or, if it is not code from the project (program output, a broken example),"
                  + " put '<!-- verbatim: why -->' above it");
        }
        continue;
      }
      List<String> expected;
      try {
        expected = SourceRegions.resolve(root, reference.strip());
      } catch (SnippetException e) {
        problems.add(name + ":" + (block.openLine() - 1) + ": snippet " + reference + ": " + e.getMessage());
        continue;
      }
      String difference = firstDifference(expected, block.lines(), block.openLine());
      if (difference == null) {
        continue;
      }
      if (update) {
        List<String> replacement = new ArrayList<>();
        for (String l : expected) {
          replacement.add(l.isEmpty() ? "" : block.indent() + l);
        }
        int from = block.openLine() + shift; // index of the first content line
        int to = block.closeLine() - 1 + shift; // index of the closing fence
        rewritten.subList(from, to).clear();
        rewritten.addAll(from, replacement);
        shift += replacement.size() - block.lines().size();
      } else {
        problems.add(
            name + ":" + block.openLine() + ": the block differs from " + reference + " (" + difference + ")."
                + " Edit the source, not the page, then refresh every page with: " + UPDATE_COMMAND);
      }
    }
    problems.addAll(strayMarkers(name, lines));
    if (update && !rewritten.equals(lines)) {
      try {
        Files.writeString(page, String.join("\n", rewritten) + "\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return problems;
  }

  /** A snippet marker must sit right above a fenced block (blank lines and other markers between are fine). */
  private static List<String> strayMarkers(String name, List<String> lines) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!SNIPPET_MARKER.matcher(lines.get(i)).matches()) {
        continue;
      }
      int j = i + 1;
      while (j < lines.size() && (lines.get(j).isBlank() || lines.get(j).strip().startsWith("<!--"))) {
        j++;
      }
      String next = j < lines.size() ? lines.get(j).strip() : "";
      if (!next.startsWith("```") && !next.startsWith("~~~")) {
        problems.add(name + ":" + (i + 1) + ": a snippet marker must be followed by a fenced code block (``` ... ```)");
      }
    }
    return problems;
  }

  /** Null when equal (trailing blanks ignored), else where the first difference is. */
  static String firstDifference(List<String> expected, List<String> actual, int fenceLine) {
    int n = Math.max(expected.size(), actual.size());
    for (int i = 0; i < n; i++) {
      String e = i < expected.size() ? expected.get(i).stripTrailing() : null;
      String a = i < actual.size() ? actual.get(i).stripTrailing() : null;
      if (e == null || a == null || !e.equals(a)) {
        int pageLine = fenceLine + 1 + i;
        if (e == null) {
          return "page line " + pageLine + " is extra: \"" + a + "\"";
        }
        if (a == null) {
          return "the page ends at line " + pageLine + " but the source goes on: \"" + e + "\"";
        }
        return "page line " + pageLine + " is \"" + a + "\" but the source has \"" + e + "\"";
      }
    }
    return null;
  }
}
