package com.example.workshop.runtime.sfn.internal.definition;

import java.util.Map;

/** Maps JSON pointers of a parsed definition to the 1-based line where each node starts. */
public final class LineLocator {
  private static final LineLocator NONE = new LineLocator(Map.of());
  private final Map<String, Integer> lines;

  LineLocator(Map<String, Integer> lines) {
    this.lines = Map.copyOf(lines);
  }

  /** A locator that knows no lines (every answer is 0). */
  public static LineLocator none() {
    return NONE;
  }

  /** Line of the node, else of its nearest ancestor; 0 when unknown. */
  public int lineOf(String pointer) {
    String p = pointer == null ? "" : pointer;
    while (true) {
      Integer line = lines.get(p.equals("/") ? "" : p);
      if (line != null) {
        return line;
      }
      if (p.isEmpty() || p.equals("/")) {
        return 0;
      }
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
    }
  }

  /** Escapes one key as a JSON pointer segment (RFC 6901). */
  public static String segment(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** The pointer of {@code key} inside the node at {@code parent}. */
  public static String child(String parent, String key) {
    return (parent.equals("/") ? "" : parent) + "/" + segment(key);
  }

  public static String child(String parent, int index) {
    return child(parent, Integer.toString(index));
  }
}
