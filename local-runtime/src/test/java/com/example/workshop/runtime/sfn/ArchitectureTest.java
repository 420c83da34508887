package com.example.workshop.runtime.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The package layout is the pipeline: each stage uses only the stages below it. */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java");
  private static final String SFN = "com.example.workshop.runtime.sfn";
  private static final Pattern INTERNAL_REF =
      Pattern.compile("com\\.example\\.workshop\\.runtime\\.sfn\\.internal\\.([a-z.]+)\\.[A-Z]");
  private static final Pattern OUTSIDE_REF = Pattern.compile(
      "com\\.example\\.workshop\\.runtime\\.(sfn\\.[A-Z]\\w*|lambda|sam|aws|[A-Z]\\w*)");

  /** Stage → the stages it may use. */
  private static final Map<String, Set<String>> ALLOWED = Map.of(
      "asl", Set.of(),
      "query", Set.of("asl"),
      "query.jsonpath", Set.of("asl", "query"),
      "query.jsonata", Set.of("asl", "query"),
      "model", Set.of("asl", "query", "query.jsonpath", "query.jsonata"),
      "definition", Set.of("asl", "query", "query.jsonpath", "query.jsonata", "model"),
      "history", Set.of("asl", "model"),
      "engine", Set.of("asl", "query", "query.jsonpath", "query.jsonata", "model", "history"),
      "render", Set.of("asl", "query", "query.jsonpath", "model", "history"),
      "teststate", Set.of("asl", "query", "query.jsonpath", "query.jsonata", "model", "definition",
          "engine"));

  private static List<Path> sources() throws IOException {
    try (Stream<Path> s = Files.walk(MAIN)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static String packageOf(Path file) {
    return MAIN.relativize(file.getParent()).toString().replace('/', '.').replace('\\', '.');
  }

  @Test
  @DisplayName("each internal stage uses only the stages below it, never the API or other packages")
  void stagesImportOnlyTheStagesBelowThem() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : sources()) {
      String pkg = packageOf(file);
      if (!pkg.startsWith(SFN + ".internal.")) {
        continue;
      }
      String stage = pkg.substring((SFN + ".internal.").length());
      Set<String> allowed = ALLOWED.get(stage);
      assertFalse(allowed == null, "a stage without a rule: " + stage);
      String text = Files.readString(file);
      Matcher m = INTERNAL_REF.matcher(text);
      while (m.find()) {
        if (!m.group(1).equals(stage) && !allowed.contains(m.group(1))) {
          violations.add(file.getFileName() + " (" + stage + ") uses " + m.group(1));
        }
      }
      Matcher outside = OUTSIDE_REF.matcher(text);
      while (outside.find()) {
        violations.add(file.getFileName() + " (" + stage + ") uses " + outside.group());
      }
    }
    assertEquals(List.of(), violations);
  }

  @Test
  @DisplayName("only the API package reaches into the internal stages")
  void onlyTheApiUsesInternals() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : sources()) {
      String pkg = packageOf(file);
      if (!pkg.startsWith(SFN) && Files.readString(file).contains(SFN + ".internal")) {
        violations.add(file.toString());
      }
    }
    assertEquals(List.of(), violations);
  }

  @Test
  @DisplayName("no source file is over 500 lines")
  void noFileOver500Lines() throws IOException {
    List<String> long_ = new ArrayList<>();
    for (Path file : sources()) {
      long lines = Files.readAllLines(file).size();
      if (lines > 500) {
        long_.add(file + ": " + lines);
      }
    }
    assertEquals(List.of(), long_);
  }
}
