package com.example.workshop.checks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The Korean edition's glossary, {@value #PAGE}: its tables say which form to write and which forms
 * to avoid. The page is the only source of the rules; this class reads them from it and finds the
 * forms to avoid in the Korean pages, in the prose and in the translated comments, notes and labels
 * of code blocks. Code (fenced blocks, inline code, link targets, HTML comments) is never checked.
 *
 * <p>A rule table has the columns {@code 영어 | 쓰는 표현 | 피할 표현}; a cell lists forms separated
 * by commas. A form to avoid matches at the start of a word (not right after a letter or digit, so
 * {@code 큐} is not found in {@code 시큐리티}); one that ends in a Latin letter or digit must also end
 * a word. Where one of the row's forms to write begins with the form to avoid ({@code Task 상태}
 * for {@code Task}), that longer form is allowed.
 */
final class Glossary {

  static final String PAGE = "docs/ko/glossary.md";
  static final String ENGLISH = "영어";
  static final String USE = "쓰는 표현";
  static final String AVOID = "피할 표현";

  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?:(?!\\1).)+?\\1");
  private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?-->");
  private static final Pattern LINK_TARGET = Pattern.compile("\\]\\([^)]*\\)");
  private static final Pattern URL = Pattern.compile("<?https?://[^\\s)>]+>?");
  private static final Pattern SEPARATOR_ROW = Pattern.compile("^\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*$");

  /** One row of the glossary: the English term, the forms to write, the forms to avoid, and its line. */
  record Term(String english, List<String> use, List<String> avoid, int line) {}

  /** A glossary that cannot be read: the message names the file, the line and the fix. */
  static final class GlossaryException extends RuntimeException {
    GlossaryException(String message) {
      super(message);
    }
  }

  private final List<Term> terms;

  private Glossary(List<Term> terms) {
    this.terms = List.copyOf(terms);
  }

  List<Term> terms() {
    return terms;
  }

  static Glossary load(Path root) {
    Path file = root.resolve(PAGE);
    if (!Files.isRegularFile(file)) {
      throw new GlossaryException(PAGE + " does not exist; the Korean pages are checked against it");
    }
    return parse(PAGE, Markdown.prose(Markdown.lines(file)));
  }

  /** Reads every table whose header has the three rule columns; other tables are left alone. */
  static Glossary parse(String name, List<String> lines) {
    List<Term> terms = new ArrayList<>();
    boolean inTable = false;
    int[] columns = null; // English, use, avoid; null in a table that holds no rules
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.startsWith("|")) {
        inTable = false;
        continue;
      }
      List<String> cells = cells(line);
      if (!inTable) {
        inTable = true;
        columns = new int[] {cells.indexOf(ENGLISH), cells.indexOf(USE), cells.indexOf(AVOID)};
        if (Arrays.stream(columns).anyMatch(c -> c < 0)) {
          columns = null;
        }
        continue;
      }
      if (columns == null || SEPARATOR_ROW.matcher(line).matches()) {
        continue;
      }
      int widest = Arrays.stream(columns).max().getAsInt();
      if (cells.size() <= widest) {
        throw new GlossaryException(name + ":" + (i + 1) + ": this row has " + cells.size() + " cells, too few for the"
            + " columns " + ENGLISH + " | " + USE + " | " + AVOID + " of its table; add the missing cells (empty is fine)");
      }
      terms.add(new Term(cells.get(columns[0]), forms(cells.get(columns[1])), forms(cells.get(columns[2])), i + 1));
    }
    if (terms.isEmpty()) {
      throw new GlossaryException(name + " has no rule table; write one with the columns "
          + ENGLISH + " | " + USE + " | " + AVOID);
    }
    consistent(name, terms);
    return new Glossary(terms);
  }

  /** A form that one row says to avoid and another (or the same) says to write is a contradiction. */
  private static void consistent(String name, List<Term> terms) {
    Map<String, Term> written = new HashMap<>();
    for (Term t : terms) {
      t.use().forEach(u -> written.putIfAbsent(u, t));
    }
    for (Term t : terms) {
      for (String a : t.avoid()) {
        Term other = written.get(a);
        if (other != null) {
          throw new GlossaryException(name + ":" + t.line() + ": \"" + a + "\" is a form to avoid here, but line "
              + other.line() + " (" + other.english() + ") says to write it; keep one of the two");
        }
      }
    }
  }

  private static List<String> cells(String row) {
    String inner = row.strip();
    inner = inner.substring(1, inner.endsWith("|") && inner.length() > 1 ? inner.length() - 1 : inner.length());
    return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
  }

  private static List<String> forms(String cell) {
    return Arrays.stream(cell.replace("`", "").split(","))
        .map(String::strip)
        .filter(f -> !f.isEmpty() && !f.equals("-") && !f.equals("—"))
        .toList();
  }

  /** The forms to avoid on one Korean page, each as "page:line: ...", with the form to write instead. */
  List<String> problems(Path root, Path page) {
    String name = Markdown.name(root, page);
    List<String> lines = Markdown.lines(page);
    TreeMap<Integer, List<String>> byLine = new TreeMap<>();
    List<String> prose = Markdown.prose(lines);
    for (int i = 0; i < prose.size(); i++) {
      byLine.computeIfAbsent(i + 1, n -> new ArrayList<>()).addAll(find(name, i + 1, proseText(prose.get(i))));
    }
    for (Markdown.Block block : Markdown.blocks(lines)) {
      List<BlockText.Line> split = BlockText.split(block.info(), block.lines());
      for (int i = 0; i < split.size(); i++) {
        int line = block.openLine() + 1 + i;
        for (String part : split.get(i).parts()) {
          if (BlockText.translated(part)) {
            byLine.computeIfAbsent(line, n -> new ArrayList<>()).addAll(find(name, line, part));
          }
        }
      }
    }
    return byLine.values().stream().flatMap(List::stream).toList();
  }

  /** A prose line without its code: inline code, HTML comments, link targets and URLs become blanks. */
  static String proseText(String line) {
    String text = line;
    for (Pattern code : List.of(CODE_SPAN, HTML_COMMENT, LINK_TARGET, URL)) {
      text = code.matcher(text).replaceAll(m -> " ".repeat(m.group().length()));
    }
    return text;
  }

  List<String> find(String page, int line, String text) {
    List<String> found = new ArrayList<>();
    for (Term t : terms) {
      for (String form : t.avoid()) {
        for (int at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
          int start = at;
          if (matchesAt(text, form, start) && t.use().stream().noneMatch(u -> lengthens(u, form) && text.startsWith(u, start))) {
            found.add(page + ":" + line + ": \"" + form + "\" is a form to avoid; write " + quoted(t.use())
                + " (" + PAGE + ", " + t.english() + ")");
          }
        }
      }
    }
    return found;
  }

  /** A form to write that begins with the form to avoid ({@code Task 상태} for {@code Task}) is allowed. */
  private static boolean lengthens(String use, String avoid) {
    return use.length() > avoid.length() && use.startsWith(avoid);
  }

  private static boolean matchesAt(String text, String form, int at) {
    if (at > 0 && Character.isLetterOrDigit(text.codePointBefore(at))) {
      return false;
    }
    int end = at + form.length();
    return !(isAsciiWordChar(form.charAt(form.length() - 1)) && end < text.length() && isAsciiWordChar(text.charAt(end)));
  }

  private static boolean isAsciiWordChar(char c) {
    return c < 128 && Character.isLetterOrDigit(c);
  }

  private static String quoted(List<String> forms) {
    return forms.isEmpty() ? "something else" : "\"" + String.join("\" or \"", forms) + "\"";
  }
}
