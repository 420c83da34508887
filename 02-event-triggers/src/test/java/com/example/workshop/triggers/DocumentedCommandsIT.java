package com.example.workshop.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code target/local-runtime invoke} command in the README runs from this folder, as a separate
 * launcher process ({@code target/local-runtime}, which runs local-runtime.jar) with the README's classpath, and prints what the
 * comment line under it shows ("..." stands for text left out). An integration test: the jar is
 * copied to target/ at {@code package}. The README travels with the folder, so a copied lesson runs
 * the same cases.
 */
class DocumentedCommandsIT {
  private static final Path LESSON = Path.of("").toAbsolutePath();
  private static final Path README = Path.of("README.md");
  private static final String JAR = "target/local-runtime.jar";
  /** The launcher the README runs: the CLI with its class-data archive, next to the jar. */
  private static final String LAUNCHER = "target/local-runtime";

  static Stream<Arguments> documentedCommands() throws Exception {
    assertTrue(Files.exists(Path.of(JAR)), JAR + " is missing: `package` copies it there (run ./mvnw verify)");
    List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
    String classpath = null;
    List<Arguments> commands = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("CP=")) {
        // The README writes the Linux separator; Windows' java wants ';'.
        classpath = line.substring(3).replace("\"", "").replace(":", File.pathSeparator);
      }
      if (line.contains(LAUNCHER + " invoke --handler")) {
        String expected =
            i + 1 < lines.size() && lines.get(i + 1).startsWith("# ")
                ? lines.get(i + 1).substring(2)
                : null;
        commands.add(Arguments.of(line.replace("\"$CP\"", classpath), expected));
      }
    }
    assertFalse(commands.isEmpty(), "no invoke commands in " + README.toAbsolutePath());
    return commands.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documentedCommands")
  @DisplayName("the README's invoke commands print what the README shows")
  void commandPrintsWhatTheReadmeShows(String command, String expected) throws Exception {
    assertTrue(expected != null, "no '# <output>' line under: " + command);
    List<String> words = new ArrayList<>(List.of(command.split("\\s+")));
    ProcessBuilder process = new ProcessBuilder().directory(LESSON.toFile());
    process.environment().remove("IDEMPOTENCY_TABLE");
    while (words.get(0).contains("=")) {
      String[] variable = words.remove(0).split("=", 2);
      process.environment().put(variable[0], variable[1]);
    }
    assertEquals(LAUNCHER, words.get(0), command);
    // the launcher starts this JDK's java
    process.environment().put("JAVA_HOME", System.getProperty("java.home"));
    if (File.separatorChar == '\\') {
      words.set(0, LESSON.resolve(LAUNCHER + ".cmd").toString());
      words.addAll(0, List.of("cmd", "/c"));
    } else {
      words.set(0, LESSON.resolve(LAUNCHER).toString());
    }
    Path stdout = Files.createTempFile("invoke", ".out");
    Process run =
        process
            .command(words)
            .redirectOutput(stdout.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertTrue(run.waitFor(60, TimeUnit.SECONDS), "still running after 60 s: " + command);
    String out = Files.readString(stdout, StandardCharsets.UTF_8).strip();
    Files.delete(stdout);

    assertEquals(expected.contains("\"errorType\"") ? 1 : 0, run.exitValue(), out);
    if (!expected.contains("...")) {
      assertEquals(expected, out);
      return;
    }
    int from = 0;
    for (String part : expected.split("\\.\\.\\.")) {
      int at = out.indexOf(part, from);
      assertTrue(at >= 0, "'" + part + "' not found in order in:\n" + out);
      from = at + part.length();
    }
  }
}
