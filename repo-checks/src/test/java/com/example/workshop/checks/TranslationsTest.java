package com.example.workshop.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every English page has a Korean twin that links back from its first line and holds the same code
 * blocks, comments, file-tree notes and diagram labels aside.
 */
class TranslationsTest {

  @Test
  @DisplayName("every English page (README, docs chapters, module READMEs) has its Korean counterpart")
  void everyEnglishPageIsTranslated() throws Exception {
    Path root = RepoRoot.get();
    List<String> problems = Translations.problems(root, Modules.names(root));
    assertTrue(problems.isEmpty(), problems.size() + " translation problem(s):\n" + String.join("\n", problems));
  }

  @Test
  @DisplayName("a missing counterpart, a missing switch line and an orphaned Korean page are reported; the glossary is no orphan")
  void pairingProblemsAreReported(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("docs/ko"));
    Files.createDirectories(root.resolve("01-hello-lambda"));
    Files.writeString(root.resolve("README.md"), "**English** · [한국어](README.ko.md)\n\n# Workshop\n");
    Files.writeString(root.resolve("README.ko.md"), "[English](README.md) · **한국어**\n\n# 워크숍\n");
    Files.writeString(root.resolve("docs/00-setup.md"), "# Setup\n");
    Files.writeString(root.resolve("docs/ko/00-setup.md"), "# 준비\n");
    Files.writeString(root.resolve("docs/ko/99-gone.md"), "[English](../99-gone.md) · **한국어**\n\n# 없어진 장\n");
    Files.writeString(root.resolve(Glossary.PAGE), "# 용어집\n");
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
    assertEquals(List.of("README.ko.md:5: code block 1 differs from the one at README.md:5 (line 6 is \"./mvnw verify\""
        + " where the English has \"./mvnw verify -Pexercises\"); code, commands and output are not translated, only"
        + " comments, file-tree notes and diagram labels, so copy the English block (with the marker comments above it)"
        + " and translate those again"), Translations.problems(root, List.of()));
  }

  @Test
  @DisplayName("comments, file-tree notes and diagram labels may be translated; the code around them may not change")
  void translatedCommentsNotesAndLabels(@TempDir Path root) throws Exception {
    String english = String.join("\n",
        "**English** · [한국어](README.ko.md)", "", "# Run", "",
        "```bash", "./mvnw verify   # runs every test", "# later: sam deploy", "```", "",
        "```text", "lesson/", "  pom.xml      standalone", "  events/      sample events", "```", "",
        "```mermaid", "flowchart TD", "  start((\"Start\")) -->|\"Default\"| s0[\"Done\"]", "```", "",
        "```java", "run.status(); // SUCCEEDED | FAILED", "/* the", "   builder */", "```", "");
    String korean = String.join("\n",
        "[English](README.md) · **한국어**", "", "# 실행", "",
        "```bash", "./mvnw verify   # 모든 테스트를 실행합니다", "# 나중에: sam deploy", "```", "",
        "```text", "lesson/", "  pom.xml      독립 실행", "  events/      샘플 이벤트", "```", "",
        "```mermaid", "flowchart TD", "  start((\"시작\")) -->|\"Default\"| s0[\"완료\"]", "```", "",
        "```java", "run.status(); // SUCCEEDED 또는 FAILED", "/* 빌더", "   설명 */", "```", "");
    Files.writeString(root.resolve("README.md"), english);
    Files.writeString(root.resolve("README.ko.md"), korean);
    assertEquals(List.of(), Translations.problems(root, List.of()));

    String codeChanged = firstProblem(root, korean.replace("./mvnw verify   #", "./mvnw verify -q   #"));
    assertTrue(codeChanged.startsWith("README.ko.md:5: code block 1 differs from the one at README.md:5"
        + " (line 6 is \"./mvnw verify -q   # 모든 테스트를 실행합니다\" where the English has"), codeChanged);
    String pathChanged = firstProblem(root, korean.replace("  events/      샘플", "  event/      샘플"));
    assertTrue(pathChanged.contains("(line 13 is \"event/      샘플 이벤트\""), pathChanged);
    String arrowChanged = firstProblem(root, korean.replace("-->|\"Default\"| s0", "-.->|\"Default\"| s0"));
    assertTrue(arrowChanged.startsWith("README.ko.md:16: code block 3 differs"), arrowChanged);
    String untranslated = firstProblem(root, korean.replace("# 나중에: sam deploy", "# later: sam deploy --guided"));
    assertTrue(untranslated.contains("(line 7 changes \"later: sam deploy\" to \"later: sam deploy --guided\","
        + " which is not a translation)"), untranslated);
    String commentDropped = firstProblem(root, korean.replace("./mvnw verify   # 모든 테스트를 실행합니다", "./mvnw verify"));
    assertTrue(commentDropped.contains("(line 6 is \"./mvnw verify\" where"), commentDropped);
  }

  /** The first translation problem once README.ko.md holds {@code korean}. */
  private static String firstProblem(Path root, String korean) throws Exception {
    Files.writeString(root.resolve("README.ko.md"), korean);
    List<String> problems = Translations.problems(root, List.of());
    assertTrue(!problems.isEmpty(), "no problem reported for:\n" + korean);
    return problems.get(0);
  }

  @Test
  @DisplayName("a snippet block stays byte for byte, comments included")
  void snippetBlocksAreNotTranslated(@TempDir Path root) throws Exception {
    String block = "<!-- snippet: template.yaml#memory -->\n```yaml\nMemorySize: 512   # enough for the JVM\n```\n";
    Files.writeString(root.resolve("README.md"), "**English** · [한국어](README.ko.md)\n\n# Memory\n\n" + block);
    Files.writeString(root.resolve("README.ko.md"), "[English](README.md) · **한국어**\n\n# 메모리\n\n"
        + block.replace("enough for the JVM", "JVM에 충분합니다"));
    assertEquals(List.of("README.ko.md:6: code block 1 differs from the one at README.md:6 (line 7 is"
        + " \"MemorySize: 512   # JVM에 충분합니다\" where the English has \"MemorySize: 512   # enough for the JVM\";"
        + " a snippet block is its source's text, nothing in it is translated); code, commands and output are not"
        + " translated, only comments, file-tree notes and diagram labels, so copy the English block (with the marker"
        + " comments above it) and translate those again"), Translations.problems(root, List.of()));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("blockLines")
  @DisplayName("what each block language lets a translation change (golden table translations/block-lines.txt)")
  void blockLineRules(String language, String english, String korean, String expected) {
    List<String> enLines = List.of(english.split("\\\\n"));
    List<String> koLines = List.of(korean.split("\\\\n"));
    Markdown.Block en = new Markdown.Block(1, enLines.size() + 2, "", "```", language, enLines, Map.of());
    Markdown.Block ko = new Markdown.Block(1, koLines.size() + 2, "", "```", language, koLines, Map.of());
    String difference = Translations.blockDifference(en, ko);
    assertEquals(expected, difference == null ? "same" : "differs", String.valueOf(difference));
  }

  static Stream<Arguments> blockLines() throws Exception {
    List<Arguments> cases = new ArrayList<>();
    Map<String, String> fields = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>(Files.readAllLines(
        Path.of(TranslationsTest.class.getResource("/translations/block-lines.txt").toURI())));
    lines.add("");
    for (String line : lines) {
      if (line.startsWith("#")) {
        continue;
      }
      if (line.isBlank()) {
        if (!fields.isEmpty()) {
          cases.add(Arguments.of(fields.get("lang"), fields.get("en"), fields.get("ko"), fields.get("expect")));
          fields.clear();
        }
        continue;
      }
      int colon = line.indexOf(": ");
      fields.put(line.substring(0, colon), line.substring(colon + 2));
    }
    return cases.stream();
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
