package com.example.orders.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of template.yaml for the consistency checks (no YAML library): the functions and
 * their handlers, the state machine's DefinitionUri, DefinitionSubstitutions and invoke policies.
 * Reads the indentation layout this lesson's template uses.
 */
record SamTemplate(
    Map<String, String> handlers, String definitionUri, Map<String, String> substitutions, Set<String> invokable) {

  private static final Pattern RESOURCE = Pattern.compile("^  (\\w+):\\s*$");
  private static final Pattern KEY_VALUE = Pattern.compile("^(\\s*)([\\w-]+):\\s*(.*?)\\s*$");

  static SamTemplate read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    Map<String, String> handlers = new LinkedHashMap<>();
    Map<String, String> substitutions = new LinkedHashMap<>();
    Set<String> invokable = new LinkedHashSet<>();
    String definitionUri = null;
    String resource = null;
    int substitutionsIndent = -1;
    for (String line : lines) {
      Matcher r = RESOURCE.matcher(line);
      if (r.matches()) {
        resource = r.group(1);
      }
      Matcher kv = KEY_VALUE.matcher(line);
      if (!kv.matches()) {
        continue;
      }
      int indent = kv.group(1).length();
      String key = kv.group(2);
      String value = kv.group(3);
      if (substitutionsIndent >= 0) {
        if (indent > substitutionsIndent) {
          substitutions.put(key, value);
          continue;
        }
        substitutionsIndent = -1;
      }
      switch (key) {
        case "Handler" -> handlers.put(resource, value);
        case "DefinitionUri" -> definitionUri = value;
        case "DefinitionSubstitutions" -> substitutionsIndent = indent;
        case "FunctionName" -> invokable.add(value.replace("!Ref", "").trim());
        default -> { }
      }
    }
    return new SamTemplate(handlers, definitionUri, substitutions, invokable);
  }

  /** The {@code ${Key}} placeholders a definition file uses, in order of first use. */
  static List<String> placeholders(String definitionText) {
    Matcher m = Pattern.compile("\\$\\{(\\w+)}").matcher(definitionText);
    List<String> keys = new ArrayList<>();
    while (m.find()) {
      if (!keys.contains(m.group(1))) {
        keys.add(m.group(1));
      }
    }
    return keys;
  }
}
