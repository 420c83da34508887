package com.example.workshop.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the lines of a fenced block into code and the parts a translation may change: comments,
 * file-tree notes and diagram labels. Everything else in a block is code, commands or output.
 *
 * <pre>
 *   bash, sh, shell, zsh, console, powershell, python, yaml   # to the end of the line (outside quotes)
 *   java                                                      // to the end of the line, and /* ... *&#47;
 *   xml, html                                                 &lt;!-- ... --&gt;
 *   mermaid                                                   "quoted labels", and %% comments
 *   text, opening with a folder line such as "lesson/"        the note after two or more spaces
 * </pre>
 *
 * Other languages (json, bat, plain text that is not a file tree...) have no translatable parts.
 */
final class BlockText {
  private BlockText() {}

  private static final Set<String> HASH_COMMENTS =
      Set.of("bash", "sh", "shell", "zsh", "console", "powershell", "pwsh", "ps1", "python", "yaml", "yml");
  private static final Set<String> C_COMMENTS = Set.of("java");
  private static final Set<String> XML_COMMENTS = Set.of("xml", "html");
  private static final Pattern FOLDER_LINE = Pattern.compile("^\\S+/$");
  private static final Pattern TREE_NOTE = Pattern.compile("^(\\s*\\S+)\\s{2,}(\\S.*)$");
  private static final Pattern HANGUL = Pattern.compile("[\\uAC00-\\uD7A3]");

  /**
   * One line of a block: its code with each translatable part replaced by {@link #PART}, and the
   * parts themselves. Whitespace before a part and at the end of the line is not code.
   */
  record Line(String code, List<String> parts) {}

  static final String PART = "\u2026";

  static List<Line> split(String language, List<String> lines) {
    String lang = language.toLowerCase();
    if (HASH_COMMENTS.contains(lang)) {
      return lines.stream().map(BlockText::hashComment).toList();
    }
    if (C_COMMENTS.contains(lang)) {
      return delimited(lines, true, "/*", "*/");
    }
    if (XML_COMMENTS.contains(lang)) {
      return delimited(lines, false, "<!--", "-->");
    }
    if (lang.equals("mermaid")) {
      return lines.stream().map(BlockText::mermaid).toList();
    }
    if (lang.equals("text") && isFileTree(lines)) {
      return lines.stream().map(BlockText::treeNote).toList();
    }
    return lines.stream().map(l -> new Line(l.stripTrailing(), List.of())).toList();
  }

  /** True when the part reads as a translation: it has Korean in it. */
  static boolean translated(String part) {
    return HANGUL.matcher(part).find();
  }

  private static boolean isFileTree(List<String> lines) {
    return lines.stream().filter(l -> !l.isBlank()).findFirst().map(l -> FOLDER_LINE.matcher(l).matches()).orElse(false);
  }

  private static Line treeNote(String line) {
    Matcher m = TREE_NOTE.matcher(line);
    return m.matches() ? new Line(m.group(1) + " " + PART, List.of(m.group(2).stripTrailing())) : new Line(line.stripTrailing(), List.of());
  }

  /** A {@code #} at the start of the line or after a blank, outside quotes, starts a comment. */
  private static Line hashComment(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote == '"') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return withPart(line.substring(0, i), "#", line.substring(i + 1));
      }
    }
    return new Line(line.stripTrailing(), List.of());
  }

  private static Line withPart(String before, String marker, String part) {
    String code = before.stripTrailing();
    return new Line((code.isEmpty() ? "" : code + " ") + marker + PART, List.of(part.strip()));
  }

  /**
   * Block comments that may span lines ({@code /* *&#47;}, {@code <!-- -->}), and for Java also
   * {@code //} line comments; string and character literals are skipped when {@code literals}.
   */
  private static List<Line> delimited(List<String> lines, boolean literals, String open, String close) {
    List<Line> out = new ArrayList<>();
    boolean inComment = false;
    for (String line : lines) {
      StringBuilder code = new StringBuilder();
      List<String> parts = new ArrayList<>();
      StringBuilder part = new StringBuilder();
      int i = 0;
      while (i < line.length()) {
        if (inComment) {
          int end = line.indexOf(close, i);
          if (end < 0) {
            part.append(line, i, line.length());
            i = line.length();
          } else {
            part.append(line, i, end);
            parts.add(part.toString().strip());
            part.setLength(0);
            code.append(PART).append(close);
            inComment = false;
            i = end + close.length();
          }
          continue;
        }
        char c = line.charAt(i);
        if (literals && (c == '"' || c == '\'')) {
          int end = endOfLiteral(line, i);
          code.append(line, i, end);
          i = end;
        } else if (line.startsWith(open, i)) {
          trimEnd(code);
          code.append(code.length() == 0 ? "" : " ").append(open);
          inComment = true;
          i += open.length();
        } else if (literals && line.startsWith("//", i)) {
          trimEnd(code);
          code.append(code.length() == 0 ? "" : " ").append("//").append(PART);
          parts.add(line.substring(i + 2).strip());
          i = line.length();
        } else {
          code.append(c);
          i++;
        }
      }
      if (inComment) {
        parts.add(part.toString().strip());
        code.append(PART);
      }
      out.add(new Line(code.toString().stripTrailing(), List.copyOf(parts)));
    }
    return out;
  }

  private static int endOfLiteral(String line, int start) {
    char quote = line.charAt(start);
    int i = start + 1;
    while (i < line.length() && line.charAt(i) != quote) {
      i += line.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(i + 1, line.length());
  }

  private static void trimEnd(StringBuilder sb) {
    while (sb.length() > 0 && Character.isWhitespace(sb.charAt(sb.length() - 1))) {
      sb.setLength(sb.length() - 1);
    }
  }

  /** Every double-quoted string is a label; {@code %%} starts a comment. */
  private static Line mermaid(String line) {
    if (line.strip().startsWith("%%")) {
      return withPart("", "%%", line.strip().substring(2));
    }
    StringBuilder code = new StringBuilder();
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < line.length()) {
      int open = line.indexOf('"', i);
      int close = open < 0 ? -1 : line.indexOf('"', open + 1);
      if (close < 0) {
        code.append(line, i, line.length());
        break;
      }
      code.append(line, i, open).append('"').append(PART).append('"');
      parts.add(line.substring(open + 1, close));
      i = close + 1;
    }
    return new Line(code.toString().stripTrailing(), List.copyOf(parts));
  }
}
