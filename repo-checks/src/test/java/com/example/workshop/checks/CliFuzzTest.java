package com.example.workshop.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The CLI fuzzed from outside: seeded random edits ({@link JsonMutator}) of the lessons' events,
 * definitions and mock file go through {@code java -jar local-runtime.jar} invoke, validate, run and
 * diagram, as a learner's typo would. Each case must end with exit code 0, 1 or 2, within a minute,
 * without a stack trace of the CLI on stderr; exit 2 comes with an {@code error:} line, and
 * {@code run --json} prints one JSON object. A failure prints the seed, the case and the edited
 * file, and how to run that case alone:
 * {@code ./mvnw -pl repo-checks test -Dtest=CliFuzzTest -Dfuzz=true -Dfuzz.seed=S -Dfuzz.case=N}.
 * Findings that belong to someone else's open work are listed in {@link CliFuzzFindings}, shown as
 * skipped with their reason, never dropped.
 *
 * <p>It needs every module built and takes about a minute, so it runs when asked ({@code -Dfuzz=true}),
 * as .ci/run does after the build, not with the page checks.
 */
@EnabledIfSystemProperty(named = "fuzz", matches = "true", disabledReason = "run with -Dfuzz=true (.ci/run does)")
class CliFuzzTest {
  private static final long SEED = Long.getLong("fuzz.seed", 20261206L);
  private static final int CASES = Integer.getInteger("fuzz.cases", 60);
  private static final Integer ONLY = Integer.getInteger("fuzz.case");
  /** Only the commands whose label contains this, e.g. "invoke" or "run 04". */
  private static final String RECIPES = System.getProperty("fuzz.recipes", "");
  private static final Path ROOT = RepoRoot.get();
  private static final Path JAR = ROOT.resolve("local-runtime/target/local-runtime.jar");
  /** A frame of a stack trace: "\tat pkg.Class.method(File.java:12)". */
  private static final Pattern FRAME = Pattern.compile("^\\s+at [\\w$.]+\\(.*\\)\\s*$", Pattern.MULTILINE);
  /** A frame of the CLI's own entry point: the exception escaped a command. */
  private static final Pattern CLI_FRAME = Pattern.compile("^\\s+at com\\.example\\.workshop\\.runtime\\.Main\\.",
      Pattern.MULTILINE);

  /** Exceptions a handler throws by accident, never to tell the caller what is wrong. */
  private static final Pattern BARE = Pattern.compile("java\\.lang\\.(NullPointerException|ClassCastException"
      + "|(Array|String)?IndexOutOfBoundsException|ArithmeticException)");

  /** Jackson's settings and class names: what a learner cannot act on. */
  private static final Pattern PARSER_INTERNALS = Pattern.compile(
      "REDACTED|StreamReadFeature|JsonReadFeature|StreamReadConstraints|com\\.fasterxml|getMaxNestingDepth");

  @TestFactory
  @DisplayName("the CLI answers any edit of the lessons' files with exit 0, 1 or 2 and no stack trace")
  Stream<DynamicTest> mutatedLessonFiles() throws Exception {
    List<String> missing = Stream.concat(Stream.of(JAR), CliFuzzRecipes.BUILT.stream().map(ROOT::resolve))
        .filter(p -> !Files.exists(p)).map(Path::toString).toList();
    Assumptions.assumeTrue(missing.isEmpty(), "build the modules first (./mvnw install); missing: " + missing);
    Path work = ROOT.resolve("repo-checks/target/fuzz");
    if (Files.exists(work)) { // only this run's cases: each case folder holds its edited file and outputs
      try (Stream<Path> old = Files.walk(work)) {
        for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(work);
    List<CliFuzzRecipes.Case> cases = new ArrayList<>();
    if (ONLY != null) {
      cases.add(CliFuzzRecipes.make(SEED, ONLY, work, RECIPES));
    } else {
      for (int i = 0; i < CASES; i++) {
        cases.add(CliFuzzRecipes.make(SEED, i, work, RECIPES));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Result>> results = new ArrayList<>();
      for (CliFuzzRecipes.Case c : cases) {
        results.add(pool.submit(() -> run(c)));
      }
      List<DynamicTest> tests = new ArrayList<>();
      for (int i = 0; i < cases.size(); i++) {
        CliFuzzRecipes.Case c = cases.get(i);
        Result r = results.get(i).get();
        tests.add(DynamicTest.dynamicTest("case " + c.index() + ": " + c.label(), () -> check(c, r)));
      }
      return tests.stream();
    } finally {
      pool.shutdownNow();
    }
  }

  record Result(boolean finished, int exit, String stdout, String stderr) {}

  private static Result run(CliFuzzRecipes.Case c) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString()));
    command.addAll(c.args());
    Path out = c.dir().resolve("stdout.txt");
    Path err = c.dir().resolve("stderr.txt");
    Process p = new ProcessBuilder(command).directory(ROOT.toFile()).redirectOutput(out.toFile())
        .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(devNull())).start();
    boolean finished = p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS);
    if (!finished) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor();
    }
    int exit = finished ? p.exitValue() : -1;
    Files.writeString(c.dir().resolve("exit.txt"), exit + " " + String.join(" ", c.args()) + "\n");
    return new Result(finished, exit, Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static java.io.File devNull() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private static void check(CliFuzzRecipes.Case c, Result r) {
    String report = report(c, r);
    Optional<CliFuzzFindings.Known> known = CliFuzzFindings.match(c, r);
    if (known.isPresent()) {
      Assumptions.abort("known finding, " + known.get().owner() + ": " + known.get().what());
    }
    if (!r.finished()) {
      fail("did not finish within 120 s\n" + report);
    }
    assertTrue(r.exit() >= 0 && r.exit() <= 2, "exit code " + r.exit() + " (0, 1 or 2 expected)\n" + report);
    assertTrue(!r.stderr().contains("Exception in thread") && !CLI_FRAME.matcher(r.stderr()).find(),
        "a stack trace of the CLI on stderr\n" + report);
    if (!c.runsHandlers()) { // no function log to hold a handler's trace: any frame is the CLI's
      assertTrue(!FRAME.matcher(r.stderr()).find(), "a stack trace on stderr\n" + report);
    }
    if (c.runsHandlers()) { // the lessons' handlers name what is wrong with an event, never fail on it by accident
      assertTrue(!BARE.matcher(r.stdout()).find(), "a lesson handler failed with a bare JDK exception\n" + report);
    }
    if (r.exit() == 2) {
      assertTrue(r.stderr().lines().anyMatch(l -> l.startsWith("error: ")), "exit 2 without an 'error:' line\n" + report);
    }
    assertTrue(r.stderr().lines().filter(l -> l.startsWith("error: ")).noneMatch(l -> PARSER_INTERNALS.matcher(l).find()),
        "an error line shows the JSON parser's internals instead of saying what is wrong\n" + report);
    if (c.args().contains("--json") && r.exit() == 0) {
      assertEquals("", oneJsonObject(r.stdout()), "run --json must print exactly one JSON object\n" + report);
    }
  }

  /** Empty when text is one JSON object; else what is wrong. */
  static String oneJsonObject(String text) {
    try (JsonParser p = new JsonFactory().createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return "does not start with an object";
      }
      p.skipChildren();
      return p.nextToken() == null ? "" : "content after the object";
    } catch (IOException e) {
      return "not JSON: " + e.getMessage();
    }
  }

  private static String report(CliFuzzRecipes.Case c, Result r) {
    String input;
    try {
      input = Files.readString(c.mutated(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      input = "(unreadable: " + e.getMessage() + ")";
    }
    return "seed " + SEED + ", case " + c.index() + " (alone: ./mvnw -pl repo-checks test -Dtest=CliFuzzTest -Dfuzz=true -Dfuzz.seed="
        + SEED + " -Dfuzz.case=" + c.index() + (RECIPES.isEmpty() ? "" : " '-Dfuzz.recipes=" + RECIPES + "'") + ")\n"
        + "command: java -jar local-runtime/target/local-runtime.jar " + String.join(" ", c.args()) + "\n"
        + "edited " + c.original() + " -> " + c.mutated() + ":\n" + clip(input, 2000) + "\n"
        + "exit " + r.exit() + "\nstdout: " + clip(r.stdout(), 1500) + "\nstderr: " + clip(r.stderr(), 4000);
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "... (" + s.length() + " chars)";
  }
}
