package com.example.workshop.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A relative link in any page (English or Korean) must point at a file, folder or heading that exists. */
class LinksTest {

  @Test
  @DisplayName("every relative link in the repository's pages points at something")
  void repositoryLinksResolve() {
    Path root = RepoRoot.get();
    List<String> problems = new ArrayList<>();
    for (Path page : Markdown.pages(root)) {
      problems.addAll(Links.problems(root, page));
    }
    assertTrue(problems.isEmpty(), problems.size() + " broken link(s):\n" + String.join("\n", problems));
  }

  @Test
  @DisplayName("links to files, folders, headings, references and HTML in a good page all resolve")
  void goodLinksPass() {
    Path root = Fixtures.docsRepo();
    assertEquals(List.of(), Links.problems(root, root.resolve("docs/in-step.md")));
  }

  @Test
  @DisplayName("a missing file, an unknown heading and a path leaving the repository are reported by line")
  void brokenLinksFail() {
    Path root = Fixtures.docsRepo();
    List<String> problems = Links.problems(root, root.resolve("docs/broken-links.md"));
    assertEquals(3, problems.size(), problems.toString());
    assertEquals("docs/broken-links.md:3: link '../src/main/java/shop/Customer.java' points at"
        + " src/main/java/shop/Customer.java, which does not exist; fix the path (it is relative to this page)", problems.get(0));
    assertTrue(problems.get(1).startsWith("docs/broken-links.md:4: link 'in-step.md#no-such-heading' names #no-such-heading,"
        + " but docs/in-step.md has no such heading"), problems.get(1));
    assertTrue(problems.get(2).startsWith("docs/broken-links.md:6: link '../../../../../../../../etc/hosts' points outside"), problems.get(2));
  }

  @ParameterizedTest(name = "\"{0}\" -> #{1}")
  @CsvSource(delimiter = '|', value = {
      "Run it | run-it",
      "What's in `Context`? | whats-in-context",
      "1단계: 핸들러 만들기 | 1단계-핸들러-만들기",
      "Retry, Catch & ResultPath | retry-catch--resultpath",
      "[Lesson 01](../01-hello-lambda/README.md) - hello | lesson-01---hello",
  })
  @DisplayName("heading anchors follow GitHub's rules, Korean included")
  void anchors(String heading, String anchor) {
    assertEquals(anchor, Links.slug(heading));
  }
}
