package com.example.workshop.checks;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Relative links in Markdown pages: the file or folder must exist inside the repository, and a
 * {@code #fragment} into a Markdown page must name one of its headings (GitHub's anchor rules).
 * Links in code blocks and inline code are not links.
 */
final class Links {
  private Links() {}

  private static final Pattern INLINE = Pattern.compile("\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern REFERENCE = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s+.*)?$");
  private static final Pattern HTML = Pattern.compile("(?:href|src)\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?:(?!\\1).)+?\\1");
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*|^//.*");
  private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)\\s*=\\s*\"([^\"]+)\"");

  private static final Map<Path, Set<String>> ANCHORS = new HashMap<>();

  /** One line per broken link: page, line, target and why. */
  static List<String> problems(Path root, Path page) {
    String name = Markdown.name(root, page);
    List<String> prose = Markdown.prose(Markdown.lines(page));
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < prose.size(); i++) {
      String line = CODE_SPAN.matcher(prose.get(i)).replaceAll("``");
      for (String target : targets(line)) {
        String why = check(root, page, target);
        if (why != null) {
          problems.add(name + ":" + (i + 1) + ": link '" + target + "' " + why);
        }
      }
    }
    return problems;
  }

  static List<String> targets(String line) {
    List<String> targets = new ArrayList<>();
    for (Pattern p : List.of(INLINE, REFERENCE, HTML)) {
      Matcher m = p.matcher(line);
      while (m.find()) {
        targets.add(m.group(1));
      }
    }
    return targets;
  }

  /** Null when the target is fine (or not a relative link), else the reason. */
  private static String check(Path root, Path page, String target) {
    if (target.isEmpty() || SCHEME.matcher(target).matches()) {
      return null;
    }
    int hash = target.indexOf('#');
    String path = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
    String fragment = hash < 0 ? null : target.substring(hash + 1);
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    Path resolved =
        path.isEmpty() ? page : (path.startsWith("/") ? root.resolve(path.substring(1)) : page.getParent().resolve(path));
    resolved = resolved.normalize();
    if (!resolved.startsWith(root)) {
      return "points outside the repository (readers on GitHub or in a copied folder will not have it)";
    }
    if (!Files.exists(resolved)) {
      return "points at " + Markdown.name(root, resolved) + ", which does not exist; fix the path (it is relative to this page)";
    }
    if (fragment != null && !fragment.isEmpty() && resolved.toString().endsWith(".md") && Files.isRegularFile(resolved)) {
      String anchor = URLDecoder.decode(fragment, StandardCharsets.UTF_8).toLowerCase();
      if (!anchors(resolved).contains(anchor)) {
        return "names #" + fragment + ", but " + Markdown.name(root, resolved) + " has no such heading"
            + " (anchors there: " + anchors(resolved) + ")";
      }
    }
    return null;
  }

  /** The anchors GitHub generates for a page's headings, plus explicit {@code <a id>} anchors. */
  static synchronized Set<String> anchors(Path page) {
    return ANCHORS.computeIfAbsent(page, p -> anchorsOf(Markdown.prose(Markdown.lines(p))));
  }

  static Set<String> anchorsOf(List<String> prose) {
    Set<String> anchors = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : prose) {
      Matcher a = HTML_ANCHOR.matcher(line);
      while (a.find()) {
        anchors.add(a.group(1).toLowerCase());
      }
      Matcher h = HEADING.matcher(line);
      if (h.matches()) {
        String slug = slug(h.group(1));
        int n = seen.merge(slug, 1, Integer::sum) - 1;
        anchors.add(n == 0 ? slug : slug + "-" + n);
      }
    }
    return anchors;
  }

  /** GitHub's heading anchor: lower case, markup and punctuation dropped, spaces to hyphens. */
  static String slug(String heading) {
    String text = heading
        .replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1") // links keep their text
        .replaceAll("<[^>]+>", "") // inline HTML
        .toLowerCase();
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> {
      if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
        out.appendCodePoint(c);
      } else if (c == ' ') {
        out.append('-');
      }
    });
    return out.toString();
  }
}
