package com.example.workshop.runtime.sam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which template resources a value points at: {@code !Ref X}, {@code !GetAtt X.Arn}, {@code !Sub "${X.Arn}"}. */
final class Refs {
  private static final Pattern SUB_VAR = Pattern.compile("\\$\\{([^}!][^}]*)}");

  private Refs() {}

  /** Logical ids referenced anywhere inside {@code value} (pseudo parameters such as AWS::Region excluded). */
  static Set<String> logicalIds(JsonNode value) {
    Set<String> ids = new LinkedHashSet<>();
    collect(value, ids);
    return ids;
  }

  private static void collect(JsonNode v, Set<String> ids) {
    if (v == null) {
      return;
    }
    if (v.isObject()) {
      if (v.has("Ref") && v.get("Ref").isTextual()) {
        addId(v.get("Ref").asText(), ids);
        return;
      }
      if (v.has("Fn::GetAtt")) {
        JsonNode g = v.get("Fn::GetAtt");
        String target = g.isArray() && g.size() > 0 ? g.get(0).asText() : g.asText();
        int dot = target.indexOf('.');
        addId(dot > 0 && !g.isArray() ? target.substring(0, dot) : target, ids);
        return;
      }
      if (v.has("Fn::Sub")) {
        JsonNode s = v.get("Fn::Sub");
        JsonNode text = s.isArray() && s.size() > 0 ? s.get(0) : s;
        Matcher m = SUB_VAR.matcher(text.asText());
        while (m.find()) {
          String var = m.group(1);
          int dot = var.indexOf('.');
          addId(dot > 0 ? var.substring(0, dot) : var, ids);
        }
        if (s.isArray() && s.size() > 1) {
          collect(s.get(1), ids);
        }
        return;
      }
      v.fields().forEachRemaining(e -> collect(e.getValue(), ids));
    } else if (v.isArray()) {
      v.forEach(e -> collect(e, ids));
    }
  }

  private static void addId(String id, Set<String> ids) {
    if (!id.startsWith("AWS::")) {
      ids.add(id);
    }
  }

  /** The literal text of a value when it has no intrinsic function, else null. */
  static String literal(JsonNode v) {
    return v != null && v.isValueNode() ? v.asText() : null;
  }

  /** The text to inspect for wildcards: a literal, or the template string of a Fn::Sub. */
  static String pattern(JsonNode v) {
    if (v == null) {
      return null;
    }
    if (v.isValueNode()) {
      return v.asText();
    }
    if (v.isObject() && v.has("Fn::Sub")) {
      JsonNode s = v.get("Fn::Sub");
      return (s.isArray() && s.size() > 0 ? s.get(0) : s).asText();
    }
    return null;
  }
}
