package com.example.workshop.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.checks.SourceRegions.SnippetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code shown in the docs is code that compiles and is tested: each Java, JSON or YAML block is a
 * named region of a source file, and this test fails when the two drift apart. Run with
 * {@code -Dsnippets.update=true} to rewrite the blocks from their sources instead.
 */
class SnippetsTest {

  @Test
  @DisplayName("every snippet block in the repository's pages matches its source region")
  void repositoryPagesMatchTheirSources() {
    Path root = RepoRoot.get();
    boolean update = Boolean.getBoolean("snippets.update");
    List<String> problems = new ArrayList<>();
    for (Path page : Markdown.pages(root)) {
      problems.addAll(update ? Snippets.update(root, page) : Snippets.problems(root, page));
    }
    assertTrue(problems.isEmpty(), problems.size() + " snippet problem(s):\n" + String.join("\n", problems));
  }

  @Test
  @DisplayName("a page whose blocks equal their regions (nested, indented, YAML, JSON pointer, verbatim) passes")
  void pageInStepPasses() {
    Path root = Fixtures.docsRepo();
    assertEquals(List.of(), Snippets.problems(root, root.resolve("docs/in-step.md")));
  }

  @Test
  @DisplayName("a snippet edited in the page only fails, naming page, line, source and the fix")
  void snippetEditedInOnePlaceFails() {
    Path root = Fixtures.docsRepo();
    List<String> problems = Snippets.problems(root, root.resolve("docs/stale.md"));
    assertEquals(2, problems.size(), problems.toString());
    assertEquals(
        "docs/stale.md:6: the block differs from src/main/java/shop/Order.java#valid (page line 8 is"
            + " \"  return amountCents >= 0;\" but the source has \"  return amountCents > 0;\")."
            + " Edit the source, not the page, then refresh every page with: " + Snippets.UPDATE_COMMAND,
        problems.get(0));
    assertTrue(problems.get(1).startsWith("docs/stale.md:13: the block differs from template.yaml#memory"
        + " (the page ends at line 15 but the source goes on: \"Timeout: 10\")"), problems.get(1));
  }

  @Test
  @DisplayName("update mode rewrites stale blocks from their sources, and the page then passes")
  void updateRewritesStaleBlocks(@TempDir Path tmp) throws Exception {
    Path root = Fixtures.copyOfDocsRepo(tmp);
    Path page = root.resolve("docs/stale.md");
    assertEquals(List.of(), Snippets.update(root, page));
    assertEquals(List.of(), Snippets.problems(root, page));
    String text = Files.readString(page);
    assertTrue(text.contains("  return amountCents > 0;\n"), text);
    assertTrue(text.contains("MemorySize: 512\nTimeout: 10\n```"), text);
    assertTrue(text.startsWith("# Stale\n\nSomeone changed the rule here"), text);
  }

  @Test
  @DisplayName("pasted code blocks, unknown regions and markers without a block are reported")
  void unmarkedBlocksAndMissingRegionsFail() {
    Path root = Fixtures.docsRepo();
    List<String> problems = Snippets.problems(root, root.resolve("docs/unmarked.md"));
    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("docs/unmarked.md:3: this java block is not taken from a source file"), problems.get(0));
    assertTrue(problems.get(1).startsWith("docs/unmarked.md:7: snippet src/main/java/shop/Order.java#total: no region 'total'"
        + " in src/main/java/shop/Order.java (regions there: [order, valid])"), problems.get(1));
    assertTrue(problems.get(2).startsWith("docs/unmarked.md:12: a snippet marker must be followed by a fenced code block"), problems.get(2));
  }

  @Test
  @DisplayName("a region that is never closed, or marked twice, is an error naming file and line")
  void brokenRegionMarkers() {
    SnippetException unclosed = assertThrows(SnippetException.class,
        () -> SourceRegions.regions(List.of("class A {", "  // snippet:body", "  int x;", "}"), "A.java"));
    assertEquals("A.java:2: region 'body' is never closed; add an 'end-snippet' comment after it", unclosed.getMessage());
    SnippetException twice = assertThrows(SnippetException.class,
        () -> SourceRegions.regions(List.of("# snippet:a", "x: 1", "# end-snippet", "# snippet:a", "# end-snippet"), "t.yaml"));
    assertEquals("t.yaml:4: region 'a' is marked twice; give each region its own name", twice.getMessage());
    SnippetException stray = assertThrows(SnippetException.class,
        () -> SourceRegions.regions(List.of("x: 1", "# end-snippet"), "t.yaml"));
    assertEquals("t.yaml:2: 'end-snippet' without a matching 'snippet:' marker above it", stray.getMessage());
  }

  @Test
  @DisplayName("a JSON pointer that matches nothing, or a pointer on a non-JSON file, is reported")
  void badJsonPointers() {
    Path root = Fixtures.docsRepo();
    SnippetException none = assertThrows(SnippetException.class,
        () -> SourceRegions.resolve(root, "statemachine/order.asl.json#/States/Ship"));
    assertEquals("JSON pointer /States/Ship matches nothing in statemachine/order.asl.json", none.getMessage());
    assertThrows(SnippetException.class, () -> SourceRegions.resolve(root, "template.yaml#/Resources"));
    SnippetException missing = assertThrows(SnippetException.class, () -> SourceRegions.resolve(root, "nope/Gone.java#x"));
    assertEquals("source file nope/Gone.java does not exist (paths start at the repository root)", missing.getMessage());
  }
}
