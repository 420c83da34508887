package com.example.workshop.runtime.sfn.internal.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DefinitionReaderTest {
  private static final String ORDER = """
      {
        "Comment": "orders",
        "StartAt": "Charge",
        "States": {
          "Charge": {
            "Type": "Task",
            "Resource": "arn:aws:states:::lambda:invoke",
            "Retry": [
              {"ErrorEquals": ["States.Timeout"]},
              {
                "ErrorEquals": ["States.ALL"]
              }
            ],
            "End": true
          },
          "a/b~c": {"Type": "Succeed"}
        }
      }
      """;

  @Test
  @DisplayName("every node's line is known by its JSON pointer")
  void knowsTheLineOfEveryNode() {
    DefinitionReader.ReadResult r = DefinitionReader.read(ORDER, "order.json");
    LineLocator lines = r.lines();
    assertEquals(List.of(), r.diagnostics());
    assertEquals(1, lines.lineOf("/"));
    assertEquals(3, lines.lineOf("/StartAt"));
    assertEquals(5, lines.lineOf("/States/Charge"));
    assertEquals(9, lines.lineOf("/States/Charge/Retry/0"));
    assertEquals(11, lines.lineOf("/States/Charge/Retry/1/ErrorEquals"));
    assertEquals(16, lines.lineOf("/States/a~1b~0c"), "pointer segments escape / and ~");
  }

  @Test
  @DisplayName("an unknown pointer falls back to its nearest known parent")
  void unknownPointersUseTheirParentsLine() {
    LineLocator lines = DefinitionReader.read(ORDER, "order.json").lines();
    assertEquals(5, lines.lineOf("/States/Charge/TimeoutSeconds"));
    assertEquals(0, LineLocator.none().lineOf("/States"));
  }

  @Test
  @DisplayName("duplicate keys in a nested object are reported at the copy, last one wins")
  void reportsNestedDuplicates() {
    String text = """
        {"StartAt": "A",
         "States": {"A": {"Type": "Pass",
                          "Next": "B",
                          "Next": "C"}}}
        """;
    DefinitionReader.ReadResult r = DefinitionReader.read(text, "x.json");
    assertEquals(List.of(new Problem("INVALID_JSON_DESCRIPTION", "/States/A/Next",
        "Duplicate field 'Next' (first at line 3); JSON keeps only the last one, so remove the"
            + " other copies", 4)), r.diagnostics());
    assertEquals("C", r.root().path("States").path("A").path("Next").asText());
    assertEquals(4, r.lines().lineOf("/States/A/Next"));
  }

  @Test
  @DisplayName("malformed JSON gives Jackson's message and the line, as AWS does")
  void malformedJsonUsesJacksonsMessage() {
    DefinitionReader.ReadResult r = DefinitionReader.read("{\n  \"StartAt\": \"A\",\n  \"States\": {\n}\n", "x");
    assertNull(r.root());
    Problem d = r.diagnostics().get(0);
    assertEquals("INVALID_JSON_DESCRIPTION", d.code());
    assertEquals(5, d.line());
    assertTrue(d.message().startsWith("Unexpected end-of-input: expected close marker for Object"),
        d.message());
  }

  @Test
  @DisplayName("a trailing comma is a syntax error on its line")
  void trailingCommaIsReported() {
    DefinitionReader.ReadResult r = DefinitionReader.read(
        "{\"StartAt\": \"A\",\n \"States\": {\"A\": {\"Type\": \"Succeed\"},\n}}", "x");
    assertEquals(1, r.diagnostics().size());
    assertEquals(3, r.diagnostics().get(0).line());
    assertTrue(r.diagnostics().get(0).message().startsWith("Unexpected character ('}'"),
        r.diagnostics().get(0).message());
  }

  @Test
  @DisplayName("blank text and non-object JSON are not definitions")
  void blankAndNonObjectsAreRejected() {
    for (String text : List.of("", "  \n", "[]", "\"StartAt\"", "42")) {
      DefinitionReader.ReadResult r = DefinitionReader.read(text, "x");
      assertNull(r.root(), text);
      assertEquals(List.of("Definition must be a valid JSON object"),
          r.diagnostics().stream().map(Problem::message).toList(), text);
    }
  }

  @Test
  @DisplayName("content after the definition object is reported")
  void trailingContentIsReported() {
    DefinitionReader.ReadResult r = DefinitionReader.read("{\"StartAt\": \"A\"}\n{}", "x");
    assertEquals(1, r.diagnostics().size());
    assertEquals(2, r.diagnostics().get(0).line());
  }

  @Test
  @DisplayName("numbers keep their JSON type and their exact value")
  void numbersKeepTheirType() {
    DefinitionReader.ReadResult r = DefinitionReader.read(
        "{\"a\": 1, \"b\": 1.5, \"c\": 12345678901, \"d\": 123456789012345678901234567890,"
            + " \"e\": 12345678901234567.89, \"f\": 1e400, \"g\": 39.80}", "x");
    assertTrue(r.root().get("a").isInt());
    assertTrue(r.root().get("b").isBigDecimal());
    assertEquals("12345678901234567.89", r.root().get("e").decimalValue().toPlainString());
    assertEquals("1E+400", r.root().get("f").toString());
    assertEquals("39.80", r.root().get("g").toString());
    assertTrue(r.root().get("c").isLong());
    assertTrue(r.root().get("d").isBigInteger());
  }

  @Test
  @DisplayName("a definition nested past the parser's depth is reported at its line, in words")
  void tooDeepIsReportedAtItsLine() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 250; i++) {
      text.append("{\"StartAt\": \"X\", \"States\": {\"X\": {\"Type\": \"Parallel\", \"End\": true,"
          + " \"Branches\": [\n");
    }
    text.append("{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}");
    text.append("]}}}".repeat(250));
    DefinitionReader.ReadResult r = DefinitionReader.read(text.toString(), "x");
    assertEquals(1, r.diagnostics().size());
    assertEquals(251, r.diagnostics().get(0).line());
    assertEquals("The definition is too large to read: Document nesting depth (1001) exceeds the"
        + " maximum allowed (1000) at line 251, column 2", r.diagnostics().get(0).message());
  }
}
