package com.example.workshop.tools.conformance;

import com.example.workshop.runtime.sfn.LambdaFunction;
import com.example.workshop.runtime.sfn.LambdaFunctionError;
import com.example.workshop.runtime.sfn.LocalStepFunctions;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recorded Lambda functions of a vector file ({@code lambdas}) as in-process fakes, from their
 * recorded behaviour: {@code raise} throws {@code errorType}/{@code errorMessage}; {@code return}
 * answers with {@code returns}, where the descriptions {@code <the event>} and {@code <a string of N
 * "c" characters ...>} stand for what the recording could not store. A function recorded as not
 * defined is not bound, so invoking it fails with Lambda.ResourceNotFoundException. Any other
 * {@code <...>} description cannot be reproduced ({@link CannotReplay}).
 */
final class LambdaFakes {
  private static final String THE_EVENT = "<the event>";
  private static final Pattern LONG_STRING = Pattern.compile("<a string of (\\d+) \"(.)\" characters.*>");

  private LambdaFakes() {}

  static void bind(LocalStepFunctions.Builder engine, JsonNode lambdas) {
    for (Iterator<Map.Entry<String, JsonNode>> it = lambdas.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      LambdaFunction fake = fake(e.getValue());
      if (fake != null) {
        engine.function(e.getKey(), fake);
      }
    }
  }

  /** The fake for one recorded function, or null when the recording says it does not exist. */
  static LambdaFunction fake(JsonNode spec) {
    switch (spec.path("kind").asText()) {
      case "raise" -> {
        String type = spec.path("errorType").asText();
        String message = spec.path("errorMessage").asText();
        return event -> {
          throw new LambdaFunctionError(type, message);
        };
      }
      case "return" -> {
        return returning(spec.get("returns"));
      }
      default -> {
        return null;
      }
    }
  }

  private static LambdaFunction returning(JsonNode returns) {
    if (returns != null && returns.isTextual()) {
      if (returns.asText().equals(THE_EVENT)) {
        return event -> event;
      }
      Matcher m = LONG_STRING.matcher(returns.asText());
      if (m.matches()) {
        String text = "\"" + m.group(2).repeat(Integer.parseInt(m.group(1))) + "\"";
        return event -> text;
      }
      if (returns.asText().startsWith("<") && returns.asText().endsWith(">")) {
        throw new CannotReplay("a Lambda function returns " + returns.asText());
      }
    }
    String value = returns == null ? "null" : returns.toString();
    return event -> value;
  }
}
