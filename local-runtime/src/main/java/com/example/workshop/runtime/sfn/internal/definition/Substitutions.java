package com.example.workshop.runtime.sfn.internal.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${Key}} placeholders the way SAM's DefinitionSubstitutions do (an Fn::Sub over
 * the definition text): the value is inserted as-is, {@code ${!Literal}} stands for the literal
 * text {@code ${Literal}}. Unused values are fine; a placeholder without a value is reported.
 */
public final class Substitutions {
  static final String UNRESOLVED = "UNRESOLVED_SUBSTITUTION";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(!?)([^}\\s]*)}");

  /** The substituted text and one diagnostic per placeholder without a value (left in place). */
  public record Result(String text, List<Problem> diagnostics) {}

  private Substitutions() {}

  public static Result apply(String text, Map<String, String> values) {
    if (text == null || text.indexOf("${") < 0) {
      return new Result(text, List.of());
    }
    List<Problem> diagnostics = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    while (m.find()) {
      out.append(text, last, m.start());
      String key = m.group(2);
      if (!m.group(1).isEmpty()) {
        out.append("${").append(key).append('}');
      } else if (values.containsKey(key)) {
        out.append(values.get(key));
      } else {
        out.append(m.group());
        diagnostics.add(new Problem(UNRESOLVED, null, "No value for the substitution ${" + key
            + "}: pass it as a substitution " + key + "=VALUE (the SAM template's"
            + " DefinitionSubstitutions)", lineAt(text, m.start())));
      }
      last = m.end();
    }
    out.append(text, last, text.length());
    return new Result(out.toString(), diagnostics);
  }

  private static int lineAt(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
