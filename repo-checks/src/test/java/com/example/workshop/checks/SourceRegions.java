package com.example.workshop.checks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text a snippet reference names. A reference is a path from the repository root,
 * optionally followed by {@code #name} (a region marked in the source) or, for JSON files,
 * {@code #/json/pointer}:
 *
 * <pre>
 *   // snippet:name          (Java)        # snippet:name     (YAML, properties, shell)
 *   ...                                     ...
 *   // end-snippet                          # end-snippet
 * </pre>
 *
 * The region is the lines between the markers with their common indentation removed; marker lines
 * of other (nested or overlapping) regions are left out. JSON holds no comments, so a JSON file is
 * shown whole or by pointer: the exact source text of that value, re-indented to start at column 0.
 */
final class SourceRegions {
  private SourceRegions() {}

  private static final String COMMENT = "(?://|#|<!--|/\\*|--)";
  private static final Pattern START =
      Pattern.compile("^\\s*" + COMMENT + "\\s*snippet:([A-Za-z0-9_.-]+)\\s*(?:\\*/|-->)?\\s*$");
  private static final Pattern END =
      Pattern.compile("^\\s*" + COMMENT + "\\s*end-snippet(?::([A-Za-z0-9_.-]+))?\\s*(?:\\*/|-->)?\\s*$");

  /** A reference that cannot be resolved; the message says what is wrong and how to fix it. */
  static final class SnippetException extends Exception {
    SnippetException(String message) {
      super(message);
    }
  }

  /** The lines the reference names. */
  static List<String> resolve(Path root, String reference) throws SnippetException {
    int hash = reference.indexOf('#');
    String path = hash < 0 ? reference : reference.substring(0, hash);
    String selector = hash < 0 ? "" : reference.substring(hash + 1);
    Path file = root.resolve(path).normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
      throw new SnippetException("source file " + path + " does not exist (paths start at the repository root)");
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new SnippetException("cannot read " + path + ": " + e.getMessage());
    }
    if (selector.isEmpty()) {
      return text.lines().toList();
    }
    if (selector.startsWith("/")) {
      if (!path.endsWith(".json")) {
        throw new SnippetException("a JSON pointer (#" + selector + ") only works on .json files, not " + path);
      }
      return jsonValue(text, selector, path);
    }
    Map<String, List<String>> regions = regions(text.lines().toList(), path);
    List<String> region = regions.get(selector);
    if (region == null) {
      throw new SnippetException(
          "no region '" + selector + "' in " + path + " (regions there: " + regions.keySet()
              + "); mark one with a '// snippet:" + selector + "' ... '// end-snippet' comment pair"
              + " ('#' instead of '//' in YAML)");
    }
    return region;
  }

  /** Every region of a source file, by name, in order. */
  static Map<String, List<String>> regions(List<String> lines, String path) throws SnippetException {
    Map<String, List<String>> regions = new LinkedHashMap<>();
    Map<String, Integer> startLines = new LinkedHashMap<>();
    Deque<String> open = new ArrayDeque<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher start = START.matcher(line);
      Matcher end = END.matcher(line);
      if (start.matches()) {
        String name = start.group(1);
        if (regions.containsKey(name)) {
          throw new SnippetException(path + ":" + (i + 1) + ": region '" + name + "' is marked twice; give each region its own name");
        }
        regions.put(name, new ArrayList<>());
        startLines.put(name, i + 1);
        open.push(name);
      } else if (end.matches()) {
        String name = end.group(1) != null ? end.group(1) : open.peek();
        if (name == null || !open.remove(name)) {
          throw new SnippetException(path + ":" + (i + 1) + ": 'end-snippet' without a matching 'snippet:' marker above it");
        }
      } else {
        for (String name : open) {
          regions.get(name).add(line);
        }
      }
    }
    if (!open.isEmpty()) {
      String name = open.peek();
      throw new SnippetException(path + ":" + startLines.get(name) + ": region '" + name + "' is never closed; add an 'end-snippet' comment after it");
    }
    regions.replaceAll((name, region) -> dedent(region));
    return regions;
  }

  /** Removes the indentation all non-blank lines share, and strips trailing blanks. */
  static List<String> dedent(List<String> lines) {
    int common = Integer.MAX_VALUE;
    for (String l : lines) {
      if (!l.isBlank()) {
        common = Math.min(common, l.length() - l.stripLeading().length());
      }
    }
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      out.add(l.isBlank() ? "" : l.substring(common).stripTrailing());
    }
    return out;
  }

  private static List<String> jsonValue(String text, String pointer, String path) throws SnippetException {
    List<String> tokens = new ArrayList<>();
    for (String t : pointer.substring(1).split("/", -1)) {
      tokens.add(t.replace("~1", "/").replace("~0", "~"));
    }
    try (JsonParser p = new JsonFactory().createParser(text)) {
      p.nextToken();
      long[] span = span(p, tokens, 0);
      if (span == null) {
        throw new SnippetException("JSON pointer " + pointer + " matches nothing in " + path);
      }
      String value = text.substring((int) span[0], (int) span[1]);
      int lineStart = text.lastIndexOf('\n', (int) span[0] - 1) + 1;
      String firstLine = text.substring(lineStart, (int) span[0]);
      int indent = firstLine.length() - firstLine.stripLeading().length();
      List<String> lines = new ArrayList<>();
      List<String> valueLines = value.lines().toList();
      for (int i = 0; i < valueLines.size(); i++) {
        String l = valueLines.get(i);
        int cut = 0;
        while (i > 0 && cut < indent && cut < l.length() && l.charAt(cut) == ' ') {
          cut++;
        }
        lines.add(l.substring(cut).stripTrailing());
      }
      return lines;
    } catch (IOException e) {
      throw new SnippetException(path + " is not valid JSON: " + e.getMessage());
    }
  }

  /** [start, end) character offsets of the value the pointer names; the parser sits on a value's first token. */
  private static long[] span(JsonParser p, List<String> tokens, int depth) throws IOException {
    if (depth == tokens.size()) {
      long start = p.currentTokenLocation().getCharOffset();
      p.skipChildren();
      long end = p.currentLocation().getCharOffset();
      return new long[] {start, end};
    }
    String wanted = tokens.get(depth);
    if (p.currentToken() == JsonToken.START_OBJECT) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals(wanted)) {
          return span(p, tokens, depth + 1);
        }
        p.skipChildren();
      }
    } else if (p.currentToken() == JsonToken.START_ARRAY) {
      int index = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (String.valueOf(index).equals(wanted)) {
          return span(p, tokens, depth + 1);
        }
        p.skipChildren();
        index++;
      }
    }
    return null;
  }
}
