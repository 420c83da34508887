package com.example.workshop.runtime.sam;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks an AWS::Serverless::StateMachine: its DefinitionSubstitutions and its invoke permissions. */
final class StateMachines {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

  private final SamTemplateCheck.Run run;
  private final Path templateDir;
  private final Policies policies;

  StateMachines(SamTemplateCheck.Run run, Path templateDir, Policies policies) {
    this.run = run;
    this.templateDir = templateDir;
    this.policies = policies;
  }

  void check(String id, JsonNode props, String where) {
    String text;
    String defFile;
    String defLocation;
    if (props.path("DefinitionUri").isTextual()) {
      String uri = props.get("DefinitionUri").asText();
      defLocation = where + ".DefinitionUri";
      Path file = templateDir.resolve(uri);
      defFile = uri;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        run.add("DEFINITION_UNREADABLE", run.line(defLocation), defLocation,
            "state machine " + id + ": DefinitionUri '" + uri + "' is not a readable file next to the template");
        return;
      }
    } else if (props.path("Definition").isObject()) {
      defLocation = where + ".Definition";
      defFile = run.file;
      text = SamTemplateCheck.toJson(props.get("Definition"));
    } else {
      return; // DefinitionUri in S3, or no definition: nothing to read offline
    }

    Map<String, Integer> placeholders = placeholders(text);
    JsonNode subs = props.path("DefinitionSubstitutions");
    String subsPath = where + ".DefinitionSubstitutions";
    boolean inline = defFile.equals(run.file);
    placeholders.forEach((name, line) -> {
      if (!subs.has(name)) {
        String msg = "state machine " + id + ": placeholder ${" + name + "} has no DefinitionSubstitutions entry;"
            + " add " + name + ": under " + subsPath + " (SAM would deploy the text '${" + name + "}' unchanged)";
        if (inline) {
          run.add("SUBSTITUTION_MISSING", run.line(defLocation), defLocation, msg);
        } else {
          run.addIn(defFile, "SUBSTITUTION_MISSING", line, "placeholder ${" + name + "}", msg);
        }
      }
    });
    subs.fieldNames().forEachRemaining(name -> {
      if (!placeholders.containsKey(name)) {
        run.add("SUBSTITUTION_UNUSED", run.line(subsPath + "." + name), subsPath + "." + name,
            "state machine " + id + ": substitution " + name + " is not used by " + defFile
                + " (no ${" + name + "} there): remove it or fix the placeholder's spelling");
      }
    });

    Set<String> invoked = invokedFunctions(text, subs);
    Set<String> owners = new LinkedHashSet<>();
    owners.add(id);
    owners.addAll(Refs.logicalIds(props.path("Role")));
    // a placeholder without a value may be the missing call: SUBSTITUTION_MISSING says so already
    boolean complete = placeholders.keySet().stream().allMatch(subs::has);
    policies.invokePolicyTemplates(owners).forEach((fn, path) -> {
      if (complete && run.isFunction(fn) && !invoked.contains(fn)) {
        run.add("INVOKE_POLICY_UNUSED", run.line(path), path,
            "state machine " + id + " may invoke function " + fn + " but no Task calls it: remove this"
                + " LambdaInvokePolicy (least privilege), or call the function from " + defFile);
      }
    });
    if (invoked.isEmpty()) {
      return;
    }
    Set<String> allowed = policies.invocableFunctions(owners);
    for (String fn : invoked) {
      if (!allowed.contains(fn) && !allowed.contains("*")) {
        String path = props.has("Policies") ? where + ".Policies" : where;
        run.add("INVOKE_POLICY_MISSING", run.line(path), path,
            "state machine " + id + " invokes function " + fn + " but no policy allows lambda:InvokeFunction on it:"
                + " add '- LambdaInvokePolicy: {FunctionName: !Ref " + fn + "}' under Policies");
      }
    }
  }

  /** Placeholder name → 1-based line of its first use. */
  private static Map<String, Integer> placeholders(String text) {
    Map<String, Integer> found = new LinkedHashMap<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      int line = 1;
      for (int i = 0; i < m.start(); i++) {
        if (text.charAt(i) == '\n') {
          line++;
        }
      }
      found.putIfAbsent(m.group(1), line);
    }
    return found;
  }

  /**
   * Logical ids of the template's functions that Task states call, through a placeholder in
   * {@code Resource} or in {@code FunctionName} of {@code arn:aws:states:::lambda:invoke}.
   */
  private Set<String> invokedFunctions(String text, JsonNode subs) {
    Set<String> refs = new LinkedHashSet<>();
    JsonNode definition = SamTemplateCheck.parseJson(text);
    if (definition == null) {
      refs.add(text); // not JSON before substitution (a placeholder used as a number): consider them all
    } else {
      collectTaskTargets(definition, refs);
    }
    Set<String> ids = new LinkedHashSet<>();
    for (String ref : refs) {
      Matcher m = PLACEHOLDER.matcher(ref);
      while (m.find()) {
        for (String id : Refs.logicalIds(subs.get(m.group(1)))) {
          if (run.isFunction(id)) {
            ids.add(id);
          }
        }
      }
    }
    return ids;
  }

  private static void collectTaskTargets(JsonNode node, Set<String> refs) {
    if (node.isObject()) {
      if ("Task".equals(node.path("Type").asText())) {
        String resource = node.path("Resource").asText("");
        refs.add(resource);
        if (resource.startsWith("arn:aws:states:::lambda:invoke")) {
          refs.add(node.path("Parameters").path("FunctionName").asText(""));
          refs.add(node.path("Arguments").path("FunctionName").asText(""));
        }
      }
      node.fields().forEachRemaining(e -> collectTaskTargets(e.getValue(), refs));
    } else if (node.isArray()) {
      node.forEach(n -> collectTaskTargets(n, refs));
    }
  }
}
