package com.example.workshop.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every English page has a Korean twin, and each links to the other from its first line. */
class TranslationsTest {

  @Test
  @DisplayName("every English page (README, docs chapters, module READMEs) has its Korean counterpart")
  void everyEnglishPageIsTranslated() throws Exception {
    Path root = RepoRoot.get();
    List<String> problems = Translations.problems(root, Modules.names(root));
    assertTrue(problems.isEmpty(), problems.size() + " translation problem(s):\n" + String.join("\n", problems));
  }

  @Test
  @DisplayName("a missing counterpart, a missing switch line and an orphaned Korean page are reported")
  void pairingProblemsAreReported(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("docs/ko"));
    Files.createDirectories(root.resolve("01-hello-lambda"));
    Files.writeString(root.resolve("README.md"), "**English** · [한국어](README.ko.md)\n\n# Workshop\n");
    Files.writeString(root.resolve("README.ko.md"), "[English](README.md) · **한국어**\n\n# 워크숍\n");
    Files.writeString(root.resolve("docs/00-setup.md"), "# Setup\n");
    Files.writeString(root.resolve("docs/ko/00-setup.md"), "# 준비\n");
    Files.writeString(root.resolve("docs/ko/99-gone.md"), "[English](../99-gone.md) · **한국어**\n\n# 없어진 장\n");
    Files.writeString(root.resolve("01-hello-lambda/README.md"), "**English** · [한국어](README.ko.md)\n# Hello\n");

    List<String> problems = Translations.problems(root, List.of("01-hello-lambda"));

    assertEquals(List.of(
        "docs/00-setup.md:1: the first line must be the language switch, linking to ko/00-setup.md"
            + " (for example: **English** · [한국어](ko/00-setup.md))",
        "docs/ko/00-setup.md:1: the first line must be the language switch, linking to ../00-setup.md"
            + " (for example: [English](../00-setup.md) · **한국어**)",
        "01-hello-lambda/README.md has no Korean counterpart: write 01-hello-lambda/README.ko.md"
            + " (code, commands and AWS terms stay as they are; start it with the language switch line)",
        "docs/ko/99-gone.md translates docs/99-gone.md, which does not exist;"
            + " rename or delete the Korean page with its English original"), problems);
  }

  @Test
  @DisplayName("a code block changed on one side only (a regenerated diagram, a new flag) is reported")
  void driftingCodeBlockIsReported(@TempDir Path root) throws Exception {
    Files.writeString(root.resolve("README.md"),
        "**English** · [한국어](README.ko.md)\n\n# Run\n\n```bash\n./mvnw verify -Pexercises\n```\n");
    Files.writeString(root.resolve("README.ko.md"),
        "[English](README.md) · **한국어**\n\n# 실행\n\n```bash\n./mvnw verify\n```\n");
    assertEquals(List.of("README.ko.md:5: code block 1 differs from the one at README.md:5; code, commands and output"
        + " are not translated, so copy the English block (with the marker comments above it)"),
        Translations.problems(root, List.of()));
  }

  @Test
  @DisplayName("a section added to the English page only is reported")
  void untranslatedSectionIsReported(@TempDir Path root) throws Exception {
    Files.writeString(root.resolve("README.md"),
        "**English** · [한국어](README.ko.md)\n\n# Workshop\n\n## Run\n\n## Deploy\n");
    Files.writeString(root.resolve("README.ko.md"), "[English](README.md) · **한국어**\n\n# 워크숍\n\n## 실행\n");
    assertEquals(List.of("README.ko.md has 1 headings of level 2, README.md has 2; a section was added, removed or"
        + " merged in one language only: bring the translation up to date"), Translations.problems(root, List.of()));
  }

  @Test
  @DisplayName("a Korean page that is still English is not counted as translated")
  void untranslatedPageIsReported(@TempDir Path root) throws Exception {
    Files.writeString(root.resolve("README.md"), "**English** · [한국어](README.ko.md)\n\n# Workshop\n");
    Files.writeString(root.resolve("README.ko.md"), "[English](README.md) · **한국어**\n\n# Workshop\n\nTODO\n");
    assertEquals(List.of("README.ko.md has no Korean text yet"), Translations.problems(root, List.of()));
  }
}
