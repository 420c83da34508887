package com.example.workshop.checks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every lesson folder is a starter project (docs/starter-projects.md): it builds from its own folder
 * with the workshop's wrapper, and it can be renamed without touching its local-runtime dependency.
 */
class StarterProjectsTest {
  private static final List<String> WRAPPER =
      List.of("mvnw", "mvnw.cmd", ".mvn/wrapper/maven-wrapper.properties", ".mvn/maven.config");

  static Stream<String> lessons() {
    List<String> lessons = Modules.names(RepoRoot.get()).stream().filter(m -> m.matches("\\d\\d-.*")).toList();
    assertFalse(lessons.isEmpty(), "the aggregator pom lists no lesson (NN-name) module");
    return lessons.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lessons")
  @DisplayName("a lesson carries the workshop's Maven wrapper, byte for byte")
  void sameWrapper(String lesson) throws Exception {
    Path root = RepoRoot.get();
    for (String file : WRAPPER) {
      Path copy = root.resolve(lesson).resolve(file);
      assertTrue(Files.isRegularFile(copy), lesson + "/" + file + " is missing: copy it from the root");
      assertArrayEquals(Files.readAllBytes(root.resolve(file)), Files.readAllBytes(copy),
          lesson + "/" + file + " differs from the root's " + file + ": copy it again");
    }
    assertEquals(Files.isExecutable(root.resolve("mvnw")), Files.isExecutable(root.resolve(lesson).resolve("mvnw")),
        lesson + "/mvnw must be executable, like the root's");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lessons")
  @DisplayName("a lesson has a group of its own and tests with the local-runtime this workshop builds")
  void ownGroupAndTheWorkshopsRuntime(String lesson) throws Exception {
    Path root = RepoRoot.get();
    String runtime = Files.readString(root.resolve("local-runtime/pom.xml"));
    String pom = Files.readString(root.resolve(lesson).resolve("pom.xml"));
    assertNotEquals(first(runtime, "<groupId>([^<]+)</groupId>"), first(pom, "<groupId>([^<]+)</groupId>"),
        lesson + " shares local-runtime's groupId: renaming one would rename the other in a copy");
    assertEquals(first(runtime, "<artifactId>local-runtime</artifactId>\\s*<version>([^<]+)</version>"),
        first(pom, "<local-runtime.version>([^<]+)</local-runtime.version>"),
        lesson + "'s local-runtime.version is not the version local-runtime/pom.xml builds");
  }

  private static String first(String xml, String regex) {
    Matcher m = Pattern.compile(regex).matcher(xml);
    assertTrue(m.find(), "no match for " + regex);
    return m.group(1).trim();
  }
}
