package com.example.workshop.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.checks.Glossary.GlossaryException;
import com.example.workshop.checks.Glossary.Term;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Korean pages use the terms of docs/ko/glossary.md (AWS's Korean documentation) and none of
 * the forms it says to avoid. The rules are read from the glossary page itself.
 */
class GlossaryTest {

  @Test
  @DisplayName("no Korean page uses a form the glossary says to avoid")
  void koreanPagesFollowTheGlossary() {
    Path root = RepoRoot.get();
    Glossary glossary = Glossary.load(root);
    List<String> problems = new ArrayList<>();
    for (Path page : Translations.koreanPages(root, Modules.names(root))) {
      if (!page.equals(root.resolve(Glossary.PAGE))) {
        problems.addAll(glossary.problems(root, page));
      }
    }
    assertTrue(problems.isEmpty(), problems.size() + " glossary problem(s):\n" + String.join("\n", problems));
  }

  @ParameterizedTest(name = "{0} -> {1}, not {2}")
  @CsvSource(delimiter = '|', value = {
      "workflow | 워크플로 | 워크플로우",
      "queue | 대기열 | 큐",
      "task | 작업 | 태스크",
      "timeout | 제한 시간 | 타임아웃",
      "redrive | redrive | 재구동",
      "statement | 문 | 문장",
      "assume | 수임 | 맡을 수 있는",
      "dead-letter queue | 배달 못한 편지 대기열 | 배달 못 한 편지",
      "Lesson 01 | 첫 번째 Lambda 함수 | hello lambda",
  })
  @DisplayName("the glossary keeps the terms the team guide names")
  void glossaryHasTheTeamGuideTerms(String english, String use, String avoid) {
    List<Term> terms = Glossary.load(RepoRoot.get()).terms();
    assertTrue(terms.stream().anyMatch(t -> t.english().startsWith(english) && t.use().contains(use) && t.avoid().contains(avoid)),
        Glossary.PAGE + " has no row for " + english + " -> " + use + " that avoids " + avoid);
  }

  @Test
  @DisplayName("a planted bad term is reported with page, line and the form to write, in prose and in translated comments")
  void plantedBadTermIsCaught(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("docs/ko"));
    Files.copy(RepoRoot.get().resolve(Glossary.PAGE), root.resolve(Glossary.PAGE));
    Path page = root.resolve("docs/ko/00-setup.md");
    Files.writeString(page, String.join("\n",
        "[English](../00-setup.md) · **한국어**",
        "",
        "메시지는 SQS 대기열에 들어갑니다. `큐`라는 코드와 [링크](../큐.md)는 검사하지 않습니다.",
        "실패한 메시지는 큐로 돌아오고, 워크플로우가 다시 시작됩니다.",
        "",
        "```bash",
        "./mvnw verify   # 큐를 비웁니다",
        "echo queue      # the queue stays English",
        "```",
        ""));
    assertEquals(List.of(
        "docs/ko/00-setup.md:4: \"워크플로우\" is a form to avoid; write \"워크플로\" (docs/ko/glossary.md, workflow)",
        "docs/ko/00-setup.md:4: \"큐\" is a form to avoid; write \"대기열\" (docs/ko/glossary.md, queue)",
        "docs/ko/00-setup.md:7: \"큐\" is a form to avoid; write \"대기열\" (docs/ko/glossary.md, queue)"),
        Glossary.load(root).problems(root, page));
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(delimiter = '|', value = {
      "SQS 큐에 넣습니다 | 1",
      "시큐리티 그룹 | 0",
      "Task 상태가 실패합니다 | 0",
      "Lambda Task가 실패합니다 | 1",
      "TaskScheduled 이벤트 | 0",
      "태스크 토큰 | 1",
      "`Task`와 [대기열](큐.md) | 0",
      "[큐](queue.md) | 1",
      "(큐) 와 '큐' | 2",
  })
  @DisplayName("forms match at the start of a word, outside code, unless they begin a form to write")
  void matchingRules(String text, int expected) {
    Glossary glossary = Glossary.parse("glossary.md", List.of(
        "| 영어 | 쓰는 표현 | 피할 표현 |",
        "| --- | --- | --- |",
        "| queue | 대기열 | 큐 |",
        "| task | 작업, Task 상태 | Task, 태스크 |"));
    assertEquals(expected, glossary.find("p.md", 1, Glossary.proseText(text)).size(), text);
  }

  @Test
  @DisplayName("a glossary without rules, a short row or a contradiction is an error naming the line")
  void brokenGlossaries() {
    GlossaryException none = assertThrows(GlossaryException.class,
        () -> Glossary.parse("g.md", List.of("# 용어집", "", "| 영어 | 한국어 |", "| --- | --- |", "| queue | 대기열 |")));
    assertEquals("g.md has no rule table; write one with the columns 영어 | 쓰는 표현 | 피할 표현", none.getMessage());
    GlossaryException shortRow = assertThrows(GlossaryException.class,
        () -> Glossary.parse("g.md", List.of("| 영어 | 쓰는 표현 | 피할 표현 |", "| --- | --- | --- |", "| queue | 대기열 |")));
    assertEquals("g.md:3: this row has 2 cells, too few for the columns 영어 | 쓰는 표현 | 피할 표현 of its table;"
        + " add the missing cells (empty is fine)", shortRow.getMessage());
    GlossaryException contradiction = assertThrows(GlossaryException.class,
        () -> Glossary.parse("g.md", List.of("| 영어 | 쓰는 표현 | 피할 표현 |", "| --- | --- | --- |",
            "| queue | 대기열 | 큐 |", "| cue | 큐 | - |")));
    assertEquals("g.md:3: \"큐\" is a form to avoid here, but line 4 (cue) says to write it; keep one of the two",
        contradiction.getMessage());
  }
}
