package com.example.orders.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.workshop.runtime.sfn.StateMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The diagram in docs/03-first-state-machine.md is generated from the definition by local-runtime.
 * When the definition changes, this test fails until the doc is refreshed with
 * {@code ./mvnw -pl 03-first-state-machine -am verify -Ddocs.update=true}.
 */
class DiagramDocTest {

  static final Path DOC = Path.of("../docs/03-first-state-machine.md");
  static final String BEGIN = "<!-- BEGIN GENERATED: mermaid diagram of statemachine/order-workflow.asl.json -->";
  static final String END = "<!-- END GENERATED -->";

  @Test
  @DisplayName("the Mermaid diagram in the docs matches the definition")
  void diagramIsCurrent() throws Exception {
    // A lesson copied out of the repository has no docs folder; inside it the doc must exist.
    assumeTrue(Files.isRegularFile(Path.of("../pom.xml")), "lesson built outside the workshop repository");
    String doc = Files.readString(DOC).replace("\r\n", "\n");
    int begin = doc.indexOf(BEGIN);
    int end = doc.indexOf(END, Math.max(begin, 0));
    assertTrue(begin >= 0 && end > begin, DOC + " must contain the markers " + BEGIN + " ... " + END);
    String expected = "```mermaid\n" + diagram() + (diagram().endsWith("\n") ? "" : "\n") + "```\n";
    String actual = doc.substring(begin + BEGIN.length() + 1, end);
    if (!expected.equals(actual) && Boolean.getBoolean("docs.update")) {
      Files.writeString(DOC, doc.substring(0, begin + BEGIN.length() + 1) + expected + doc.substring(end));
      return;
    }
    assertEquals(expected, actual, DOC + " shows an old diagram; refresh it with"
        + " ./mvnw -pl 03-first-state-machine -am verify -Ddocs.update=true");
  }

  static String diagram() {
    return OrderWorkflowTest.APP.stateMachine().toMermaid();
  }
}
