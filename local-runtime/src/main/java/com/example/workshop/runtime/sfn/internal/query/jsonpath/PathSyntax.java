package com.example.workshop.runtime.sfn.internal.query.jsonpath;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import java.util.regex.Pattern;

/**
 * Definition-time syntax of JSONPath fields: Jayway JsonPath syntax (what AWS evaluates with)
 * rooted at {@code $} (the state input), {@code $$} (the context object) or {@code $name} (a
 * variable).
 */
public final class PathSyntax {
  private static final Pattern VARIABLE = Pattern.compile("\\$[\\p{L}_][\\p{L}\\p{N}_]*");

  private PathSyntax() {}

  /** Null when {@code path} is valid, else a short reason. */
  public static String check(String path, boolean reference) {
    if (!path.startsWith("$")) {
      return "it must start with '$'";
    }
    String rooted;
    if (path.startsWith("$$")) {
      rooted = path.substring(1);
    } else {
      var m = VARIABLE.matcher(path);
      rooted = m.lookingAt() ? "$" + path.substring(m.end()) : path;
    }
    if (rooted.length() > 1 && rooted.charAt(1) != '.' && rooted.charAt(1) != '[') {
      return "unexpected '" + rooted.charAt(1) + "' after '$'";
    }
    String brackets = unbalanced(rooted);
    if (brackets != null) {
      return brackets;
    }
    try {
      JsonPath compiled = JsonPath.compile(rooted);
      if (reference && !compiled.isDefinite()) {
        return "a reference path names one node: no wildcards, filters, slices or '..'";
      }
      return null;
    } catch (InvalidPathException | IllegalArgumentException e) {
      return String.valueOf(e.getMessage());
    }
  }

  /** Jayway compiles some unterminated paths such as {@code $.items[}; they are typos, reported. */
  private static String unbalanced(String path) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '[' || c == '(') {
        depth++;
      } else if (c == ']' || c == ')') {
        if (--depth < 0) {
          return "unexpected '" + c + "'";
        }
      }
    }
    if (quote != 0) {
      return "unterminated quoted name";
    }
    return depth == 0 ? null : "unclosed '[' or '('";
  }
}
