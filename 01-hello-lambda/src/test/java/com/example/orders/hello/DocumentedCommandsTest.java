package com.example.orders.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.runtime.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code target/local-runtime invoke} command of this lesson's README runs from this folder, with
 * the outcome the README promises. The README travels with the folder, so a copied lesson runs the
 * same cases.
 */
class DocumentedCommandsTest {
  private static final Path README = Path.of("README.md");

  static Stream<String> documentedInvokeCommands() throws Exception {
    List<String> commands = new ArrayList<>();
    for (String line : Files.readAllLines(README, StandardCharsets.UTF_8)) {
      int at = line.indexOf("local-runtime invoke --handler");
      if (at >= 0 && !line.contains("--event -")) {
        commands.add(line.substring(at + "local-runtime ".length()).replace('\\', '/').strip());
      }
    }
    assertFalse(commands.isEmpty(), README.toAbsolutePath() + " shows no 'local-runtime invoke --handler' command");
    return commands.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documentedInvokeCommands")
  @DisplayName("the README's invoke commands work as the README says")
  void documentedCommandRuns(String command) {
    String[] args = command.split("\\s+");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(PrintStream.nullOutputStream()));
    String stdout = out.toString(StandardCharsets.UTF_8);

    boolean documentedFailure = command.contains("order-missing-id.json");
    assertEquals(documentedFailure ? 1 : 0, code, Arrays.toString(args) + "\n" + stdout);
    assertFalse(stdout.isBlank());
    if (command.contains("HelloHandler") || command.contains("api-post-order") || command.contains("events/order.json")) {
      assertTrue(stdout.contains(HelloHandler.MESSAGE), stdout);
    }
  }
}
