package com.example.orders.fulfilment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What SAM deploys is what the tests run: the template and the definition agree. */
class TemplateTest {

  private static final Path TEMPLATE = Path.of("template.yaml");

  @Test
  @DisplayName("DefinitionSubstitutions covers exactly the placeholders of the definition")
  void substitutionsCoverEveryPlaceholder() throws Exception {
    SamTemplate template = SamTemplate.read(TEMPLATE);
    assertEquals("statemachine/order-fulfilment.asl.json", template.definitionUri());
    String definition = Files.readString(Path.of(template.definitionUri()));
    assertEquals(new TreeSet<>(SamTemplate.placeholders(definition)), new TreeSet<>(template.substitutions().keySet()));
  }

  @Test
  @DisplayName("each substitution is the ARN of a function the state machine may invoke, and of no other")
  void everyFunctionIsInvokableAndScoped() throws Exception {
    SamTemplate template = SamTemplate.read(TEMPLATE);
    Set<String> referenced = new TreeSet<>();
    template.substitutions().values().forEach(v -> referenced.add(v.replace("!GetAtt", "").replace(".Arn", "").trim()));
    assertEquals(new TreeSet<>(template.handlers().keySet()), referenced);
    assertEquals(referenced, new TreeSet<>(template.invokable()));
    assertTrue(template.invokable().stream().noneMatch(f -> f.contains("*")), template.invokable().toString());
  }

  @Test
  @DisplayName("the only wildcard is the log-delivery statement, whose actions AWS grants on \"*\" only")
  void noWildcardButLogDelivery() throws Exception {
    java.util.List<String> lines = Files.readAllLines(TEMPLATE);
    java.util.List<String> wildcards = lines.stream()
        .filter(l -> !l.trim().startsWith("#") && l.contains("*"))
        .map(String::trim)
        .toList();
    assertEquals(java.util.List.of("Resource: \"*\""), wildcards);
    int statement = lines.indexOf(lines.stream().filter(l -> l.contains("logs:CreateLogDelivery")).findFirst().orElseThrow());
    int resource = lines.indexOf(lines.stream().filter(l -> l.trim().equals("Resource: \"*\"")).findFirst().orElseThrow());
    assertTrue(resource > statement && resource - statement <= 9, "the wildcard belongs to the log-delivery actions");
  }

  @Test
  @DisplayName("every Handler in the template names a class of this lesson")
  void handlersExist() throws Exception {
    for (String handler : SamTemplate.read(TEMPLATE).handlers().values()) {
      String className = handler.substring(0, handler.indexOf("::"));
      Class<?> type = Class.forName(className);
      assertTrue(com.amazonaws.services.lambda.runtime.RequestHandler.class.isAssignableFrom(type), handler);
    }
  }
}
