package com.example.workshop.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A command shown to a learner either runs in CI (it is in .ci/learner-commands.txt, which
 * .ci/run executes) or says what it needs ({@code <!-- needs: aws -->}, {@code <!-- needs: docker -->}).
 */
class LearnerCommandsTest {

  @Test
  @DisplayName("every project command in the pages is one CI runs, or is marked as needing AWS or Docker")
  void pagesShowOnlyCommandsCiRuns() {
    Path root = RepoRoot.get();
    Set<String> allowed = LearnerCommands.allowList(Markdown.lines(root.resolve(LearnerCommands.ALLOW_LIST)));
    List<String> problems = new ArrayList<>();
    for (Path page : Markdown.pages(root)) {
      problems.addAll(LearnerCommands.problems(root, page, allowed));
    }
    assertTrue(problems.isEmpty(), problems.size() + " command problem(s):\n" + String.join("\n", problems));
  }

  @Test
  @DisplayName("every command in the allow-list is shown on some page (no dead entries to slow CI down)")
  void everyListedCommandIsShown() {
    Path root = RepoRoot.get();
    Set<String> shown = new java.util.HashSet<>();
    for (Path page : Markdown.pages(root)) {
      shown.addAll(LearnerCommands.shown(root, page));
    }
    List<String> unused = LearnerCommands.allowList(Markdown.lines(root.resolve(LearnerCommands.ALLOW_LIST))).stream()
        .filter(c -> !shown.contains(c))
        .toList();
    assertTrue(unused.isEmpty(), "no page shows these commands any more; remove them from "
        + LearnerCommands.ALLOW_LIST + ":\n" + String.join("\n", unused));
  }

  @Test
  @DisplayName("CI really runs the allow-list (so the list cannot claim more than CI does)")
  void ciRunsTheAllowList() throws Exception {
    Path root = RepoRoot.get();
    String run = Files.readString(root.resolve(".ci/run"));
    assertTrue(run.contains(".ci/learner-commands"), ".ci/run must run .ci/learner-commands (the allow-list runner)");
    String runner = Files.readString(root.resolve(".ci/learner-commands"));
    assertTrue(runner.contains("learner-commands.txt"), ".ci/learner-commands must read " + LearnerCommands.ALLOW_LIST);
  }

  @Test
  @DisplayName("listed commands, Windows spellings, cd and continuation lines, marked cloud blocks and the"
      + " AWS CLI pointed at serve pass")
  void allowedCommandsPass() {
    Path root = Fixtures.docsRepo();
    Set<String> allowed = LearnerCommands.allowList(Markdown.lines(root.resolve("ci-commands.txt")));
    assertEquals(List.of(), LearnerCommands.problems(root, root.resolve("docs/in-step.md"), allowed));
  }

  @Test
  @DisplayName("an unlisted project command and unmarked AWS or Docker commands (an AWS endpoint under"
      + " 'needs: serve' too) are reported by line")
  void unlistedAndUnmarkedCommandsFail() {
    Path root = Fixtures.docsRepo();
    Set<String> allowed = LearnerCommands.allowList(Markdown.lines(root.resolve("ci-commands.txt")));
    List<String> problems = LearnerCommands.problems(root, root.resolve("docs/commands.md"), allowed);
    assertEquals(6, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("docs/commands.md:4: './mvnw deploy' is not a command CI runs."), problems.get(0));
    assertTrue(problems.get(1).startsWith("docs/commands.md:5: 'sam deploy --guided' needs an AWS account"), problems.get(1));
    assertTrue(problems.get(2).startsWith("docs/commands.md:7: 'cd 01-hello-lambda && sam build' needs an AWS account"), problems.get(2));
    assertTrue(problems.get(3).startsWith("docs/commands.md:8: 'cd 01-hello-lambda && ORDER_BUCKET=orders java -jar"), problems.get(3));
    assertTrue(problems.get(4).startsWith("docs/commands.md:12: 'docker run localstack/localstack:4.14.0' needs Docker"), problems.get(4));
    assertTrue(problems.get(5).startsWith("docs/commands.md:23: 'aws stepfunctions --endpoint-url https://states."), problems.get(5));
  }

  @Test
  @DisplayName("a starter project's page (a folder with its own mvnw) runs its commands from that folder")
  void starterProjectCommandsRunFromItsFolder() {
    Path root = Fixtures.docsRepo();
    Path page = root.resolve("starter/README.md");
    assertEquals("starter", LearnerCommands.startFolder(root, page));
    assertEquals("", LearnerCommands.startFolder(root, root.resolve("docs/in-step.md")));
    assertEquals(List.of("cd starter && ./mvnw verify", "cd starter && java -jar target/local-runtime.jar invoke --help",
        "./mvnw install"), List.copyOf(LearnerCommands.shown(root, page)));
    Set<String> allowed = LearnerCommands.allowList(Markdown.lines(root.resolve("ci-commands.txt")));
    assertEquals(List.of(), LearnerCommands.problems(root, page, allowed));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      ".\\mvnw.cmd -B -ntp verify | true | ./mvnw verify",
      "mvnw.cmd -pl 01-hello-lambda \"-Dtest=HelloHandlerTest\" test | true | ./mvnw -pl 01-hello-lambda -Dtest=HelloHandlerTest test",
      "java -jar local-runtime\\target\\local-runtime.jar invoke --event - | true | java -jar local-runtime/target/local-runtime.jar invoke --event -",
      "./mvnw  -q  verify | false | ./mvnw verify",
  })
  @DisplayName("Windows and quiet spellings compare as their Linux twin")
  void normalisation(String command, boolean windows, String expected) {
    assertEquals(expected, LearnerCommands.normalise(command, windows));
  }
}
