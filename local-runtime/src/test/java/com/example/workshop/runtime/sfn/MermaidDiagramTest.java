package com.example.workshop.runtime.sfn;

import com.example.workshop.runtime.sfn.internal.definition.DefinitionReader;
import com.example.workshop.runtime.sfn.internal.render.ChoiceSummary;
import com.example.workshop.runtime.sfn.internal.render.ExecutionPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Diagrams are compared with checked-in Mermaid files (src/test/resources/mermaid/*.mmd, each
 * checked once with the Mermaid parser); a deliberate change to the drawing updates those files.
 */
class MermaidDiagramTest {
  private static final Path DIR = Path.of("src/test/resources/mermaid");
  private static final StateMachine ORDER = StateMachine.load(DIR.resolve("order-workflow.asl.json"));

  static Stream<Arguments> goldens() {
    return Stream.of(
        Arguments.of("order-workflow.mmd", null),
        Arguments.of("order-workflow-succeeded.mmd", new ExecutionPath(
            List.of("ValidateOrder", "IsBigOrder", "ShipItems", "ShipItem", "ShipItem", "Notify",
                "Email", "Sms", "Done"), Set.of(), Set.of("ValidateOrder"))),
        Arguments.of("order-workflow-rejected.mmd", new ExecutionPath(
            List.of("ValidateOrder", "RejectOrder"), Set.of("ValidateOrder", "RejectOrder"),
            Set.of("ValidateOrder"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void matchesTheCheckedInDiagram(String file, ExecutionPath overlay) throws IOException {
    String expected = Files.readString(DIR.resolve(file), StandardCharsets.UTF_8);
    assertEquals(expected, overlay == null ? ORDER.toMermaid() : ORDER.toMermaid(overlay));
  }

  @Test
  @DisplayName("names and conditions are escaped so quotes, #, <, > and | cannot break the chart")
  void escapesLabels() throws IOException {
    StateMachine tricky = StateMachine.load(DIR.resolve("tricky-names.asl.json"));
    assertEquals(Files.readString(DIR.resolve("tricky-names.mmd"), StandardCharsets.UTF_8),
        tricky.toMermaid());
  }

  @Test
  @DisplayName("a failure inside a Map iteration leaves the path to the end unhighlighted")
  void failureInsideAMap() {
    String chart = ORDER.toMermaid(new ExecutionPath(
        List.of("ValidateOrder", "IsBigOrder", "ShipItems", "ShipItem"), Set.of("ShipItem"),
        Set.of()));
    assertTrue(chart.endsWith("  class s4 failed\n  linkStyle 0,1,4 stroke:#2e7d32,stroke-width:3px\n"),
        chart);
  }

  @Test
  @DisplayName("a Parallel that ends the run still leads to the end")
  void parallelAtTheEnd() {
    StateMachine m = StateMachine.parse("""
        {"StartAt": "Notify", "States": {"Notify": {"Type": "Parallel", "End": true, "Branches": [
          {"StartAt": "Email", "States": {"Email": {"Type": "Pass", "End": true}}},
          {"StartAt": "Sms", "States": {"Sms": {"Type": "Pass", "End": true}}}]}}}
        """, Map.of());
    String chart = m.toMermaid(new ExecutionPath(List.of("Notify", "Email", "Sms"), Set.of(), Set.of()));
    assertTrue(chart.contains("  s0 --> finish\n"), chart);
    assertTrue(chart.endsWith("  linkStyle 0,1 stroke:#2e7d32,stroke-width:3px\n"), chart);
  }

  @Test
  @DisplayName("the overlay does not depend on the iteration order of its sets")
  void overlayIsDeterministic() {
    Set<String> a = new LinkedHashSet<>(List.of("RejectOrder", "ValidateOrder"));
    Set<String> b = new LinkedHashSet<>(List.of("ValidateOrder", "RejectOrder"));
    List<String> visited = List.of("ValidateOrder", "RejectOrder");
    assertEquals(ORDER.toMermaid(new ExecutionPath(visited, a, Set.of())),
        ORDER.toMermaid(new ExecutionPath(visited, b, Set.of())));
  }

  @Test
  @DisplayName("edges carry choice conditions, Default and caught error names")
  void labelsEdges() {
    String chart = ORDER.toMermaid();
    assertTrue(chart.contains("s1 -->|\"$.amount #gt; 1000\"| s2"), chart);
    assertTrue(chart.contains("s1 -->|\"Default\"| s3"), chart);
    assertTrue(chart.contains("s0 -.->|\"Catch com.example.orders.InvalidOrderException\"| s9"), chart);
  }

  @Test
  @DisplayName("the legacy Iterator is drawn like an ItemProcessor")
  void legacyIterator() {
    StateMachine m = StateMachine.parse("""
        {"StartAt": "Lines", "States": {"Lines": {"Type": "Map", "Iterator": {"StartAt": "Price",
          "States": {"Price": {"Type": "Pass", "Next": "Tax"}, "Tax": {"Type": "Pass", "End": true}}},
          "End": true}}}
        """, Map.of());
    String chart = m.toMermaid();
    assertTrue(chart.contains("subgraph s0[\"Lines<br/><i>Map</i>\"]"), chart);
    assertTrue(chart.contains("  s1 --> s2\n"), chart);
    assertTrue(chart.contains("  s0 --> finish\n"), chart);
  }

  @Test
  @DisplayName("choice summaries cover every operator family")
  void choiceSummaries() {
    assertEquals("$.vip is not null", summary("{\"Variable\": \"$.vip\", \"IsNull\": false}"));
    assertEquals("$.customerId == 'c-1'",
        summary("{\"Variable\": \"$.customerId\", \"StringEquals\": \"c-1\"}"));
    assertEquals("$.amount <= $.limit",
        summary("{\"Variable\": \"$.amount\", \"NumericLessThanEqualsPath\": \"$.limit\"}"));
    assertEquals("not ($.paid == true)",
        summary("{\"Not\": {\"Variable\": \"$.paid\", \"BooleanEquals\": true}}"));
    assertEquals("$.sku matches 'ORD-*' or $.at < '2026-01-01T00:00:00Z'", summary(
        "{\"Or\": [{\"Variable\": \"$.sku\", \"StringMatches\": \"ORD-*\"},"
            + " {\"Variable\": \"$.at\", \"TimestampLessThan\": \"2026-01-01T00:00:00Z\"}]}"));
  }

  private static String summary(String rule) {
    return ChoiceSummary.of(DefinitionReader.read(rule, "rule").root());
  }
}
