package com.example.orders.fulfilment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.runtime.sam.SamApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What SAM deploys is what the tests run: the template and the definition agree. The placeholders
 * against DefinitionSubstitutions, the invoke policies (one per function the definition calls, no
 * other, no wildcard) and the handlers' classes are checked by {@link TemplateChecksTest}.
 */
class TemplateTest {

  private static final Path TEMPLATE = Path.of("template.yaml");
  private static final SamApplication APP = SamApplication.load(TEMPLATE);

  @Test
  @DisplayName("the state machine's DefinitionUri is the definition file of this lesson")
  void definitionUri() {
    assertEquals("statemachine/order-fulfilment.asl.json", APP.definitionUri());
  }

  @Test
  @DisplayName("each function the workflow calls has its ARN substituted; the queue consumer has none, the queue its URL")
  void everyFunctionIsSubstituted() {
    Set<String> functionArns = APP.handlers().keySet().stream()
        .filter(id -> !id.equals("PaymentConfirmationsFunction"))
        .map(id -> "arn:aws:lambda:us-east-1:123456789012:function:" + id)
        .collect(Collectors.toCollection(TreeSet::new));
    Map<String, String> functions = new TreeMap<>(APP.substitutions());
    String queueUrl = functions.remove("PaymentConfirmationsQueueUrl");
    assertTrue(queueUrl.startsWith("https://sqs.us-east-1.amazonaws.com/123456789012/sam-app-PaymentConfirmationsQueue-"),
        queueUrl);
    assertEquals(functionArns, new TreeSet<>(functions.values()));
    assertEquals(functionArns.size(), functions.size(), "one substitution per function");
  }

  @Test
  @DisplayName("the only wildcard is the log-delivery statement, whose actions AWS grants on \"*\" only")
  void noWildcardButLogDelivery() throws Exception {
    List<String> lines = Files.readAllLines(TEMPLATE);
    List<String> wildcards = lines.stream()
        .filter(l -> !l.trim().startsWith("#") && l.contains("*"))
        .map(String::trim)
        .toList();
    assertEquals(List.of("Resource: \"*\""), wildcards);
    int statement = lines.indexOf(lines.stream().filter(l -> l.contains("logs:CreateLogDelivery")).findFirst().orElseThrow());
    int resource = lines.indexOf(lines.stream().filter(l -> l.trim().equals("Resource: \"*\"")).findFirst().orElseThrow());
    assertTrue(resource > statement && resource - statement <= 9, "the wildcard belongs to the log-delivery actions");
  }

  @Test
  @DisplayName("every Handler in the template names a RequestHandler class of this lesson")
  void handlersAreRequestHandlers() throws Exception {
    for (String handler : APP.handlers().values()) {
      String className = handler.substring(0, handler.indexOf("::"));
      Class<?> type = Class.forName(className);
      assertTrue(com.amazonaws.services.lambda.runtime.RequestHandler.class.isAssignableFrom(type), handler);
    }
  }
}
