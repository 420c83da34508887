package com.example.orders.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * Every {@code local-runtime.jar invoke} command printed in the READMEs and docs runs, with the
 * outcome the text promises. Skipped when the lesson is built outside the repository.
 */
class DocumentedCommandsTest {
  private static final Path ROOT = Path.of("..");
  private static final List<String> DOCUMENTS = List.of("README.md", "01-hello-lambda/README.md",
      "docs/00-setup.md", "docs/01-hello-lambda.md");

  static Stream<String> documentedInvokeCommands() throws Exception {
    List<String> commands = new ArrayList<>();
    for (String doc : DOCUMENTS) {
      Path file = ROOT.resolve(doc);
      if (!Files.exists(file)) {
        continue;
      }
      for (String line : Files.readAllLines(file)) {
        int at = line.indexOf("local-runtime.jar invoke --handler");
        if (at >= 0 && !line.contains("--event -") && !line.contains("usage:")) {
          commands.add(doc + ": " + line.substring(at + "local-runtime.jar ".length()).replace('\\', '/').strip());
        }
      }
    }
    assumeTrue(!commands.isEmpty(), "documents not found: lesson built outside the repository");
    return commands.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documentedInvokeCommands")
  @DisplayName("documented invoke commands work as the docs say")
  void documentedCommandRuns(String documented) {
    String command = documented.substring(documented.indexOf(": ") + 2);
    String[] args = command.split("\\s+");
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--event") || args[i].equals("--classpath")) {
        args[i + 1] = ROOT.resolve(args[i + 1]).toString();
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(PrintStream.nullOutputStream()));
    String stdout = out.toString(StandardCharsets.UTF_8);

    boolean documentedFailure = command.contains("order-missing-id.json");
    assertEquals(documentedFailure ? 1 : 0, code, Arrays.toString(args) + "\n" + stdout);
    assertFalse(stdout.isBlank());
    if (command.contains("HelloHandler") || command.contains("api-post-order") || command.contains("events/order.json")) {
      assertEquals(true, stdout.contains(HelloHandler.MESSAGE), stdout);
    }
  }
}
