package com.example.orders.fulfilment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Mermaid diagram in this lesson's README (and in its Korean twin) is generated from the
 * definition by local-runtime. When the definition changes, this test fails until the diagrams are
 * redrawn with {@code ./mvnw verify -Ddocs.update=true}, which rewrites both pages.
 */
class DiagramDocTest {

  static final String BEGIN = "<!-- BEGIN GENERATED: mermaid diagram of statemachine/order-fulfilment.asl.json -->";
  static final String END = "<!-- END GENERATED -->";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"README.md", "README.ko.md"})
  @DisplayName("the Mermaid diagram in the README matches the definition")
  void diagramIsCurrent(String name) throws Exception {
    Path page = Path.of(name);
    String doc = Files.readString(page, StandardCharsets.UTF_8).replace("\r\n", "\n");
    int begin = doc.indexOf(BEGIN);
    int end = doc.indexOf(END, Math.max(begin, 0));
    assertTrue(begin >= 0 && end > begin, page + " must contain the markers " + BEGIN + " ... " + END);
    String diagram = OrderFulfilment.load(Path.of(".")).machine.toMermaid();
    String expected = "```mermaid\n" + diagram + (diagram.endsWith("\n") ? "" : "\n") + "```\n";
    String actual = doc.substring(begin + BEGIN.length() + 1, end);
    if (!expected.equals(actual) && Boolean.getBoolean("docs.update")) {
      Files.writeString(page, doc.substring(0, begin + BEGIN.length() + 1) + expected + doc.substring(end),
          StandardCharsets.UTF_8);
      return;
    }
    assertEquals(expected, actual, page + " shows an old diagram of the definition; redraw it (in README.md and"
        + " README.ko.md) with ./mvnw verify -Ddocs.update=true");
  }
}
