package com.example.workshop.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * English pages and their Korean counterparts:
 *
 * <pre>
 *   README.md              README.ko.md
 *   docs/NAME.md           docs/ko/NAME.md
 *   MODULE/README.md       MODULE/README.ko.md      (every module the aggregator pom lists)
 * </pre>
 *
 * Each page of a pair opens with a language switch line that links to the other one.
 */
final class Translations {
  private Translations() {}

  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s");
  private static final Pattern HANGUL = Pattern.compile("[\\uAC00-\\uD7A3]");

  /** The English pages that need a Korean counterpart. */
  static List<Path> englishPages(Path root, List<String> modules) {
    List<Path> pages = new ArrayList<>();
    add(pages, root.resolve("README.md"));
    Path docs = root.resolve("docs");
    if (Files.isDirectory(docs)) {
      try (Stream<Path> files = Files.walk(docs)) {
        files.filter(p -> p.toString().endsWith(".md"))
            .filter(p -> !docs.relativize(p).startsWith("ko"))
            .sorted()
            .forEach(pages::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (String module : modules) {
      add(pages, root.resolve(module).resolve("README.md"));
    }
    return pages;
  }

  private static void add(List<Path> pages, Path p) {
    if (Files.isRegularFile(p)) {
      pages.add(p);
    }
  }

  static Path korean(Path root, Path english) {
    Path rel = root.relativize(english);
    if (rel.startsWith("docs")) {
      return root.resolve("docs").resolve("ko").resolve(root.resolve("docs").relativize(english));
    }
    return english.resolveSibling("README.ko.md");
  }

  /** Korean pages without an English original (a renamed or deleted chapter left behind). */
  static List<Path> koreanPages(Path root, List<String> modules) {
    List<Path> pages = new ArrayList<>();
    add(pages, root.resolve("README.ko.md"));
    Path ko = root.resolve("docs").resolve("ko");
    if (Files.isDirectory(ko)) {
      try (Stream<Path> files = Files.walk(ko)) {
        files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (String module : modules) {
      add(pages, root.resolve(module).resolve("README.ko.md"));
    }
    return pages;
  }

  static Path english(Path root, Path korean) {
    Path rel = root.relativize(korean);
    if (rel.startsWith(Path.of("docs", "ko"))) {
      return root.resolve("docs").resolve(root.resolve("docs").resolve("ko").relativize(korean));
    }
    return korean.resolveSibling("README.md");
  }

  static List<String> problems(Path root, List<String> modules) {
    List<String> problems = new ArrayList<>();
    for (Path en : englishPages(root, modules)) {
      Path ko = korean(root, en);
      String enName = Markdown.name(root, en);
      String koName = Markdown.name(root, ko);
      if (!Files.isRegularFile(ko)) {
        problems.add(enName + " has no Korean counterpart: write " + koName
            + " (code, commands and AWS terms stay as they are; start it with the language switch line)");
        continue;
      }
      problems.addAll(switchLine(root, en, ko));
      problems.addAll(switchLine(root, ko, en));
      List<String> body = new ArrayList<>(Markdown.prose(Markdown.lines(ko)));
      body.removeIf(String::isBlank);
      if (!body.isEmpty() && body.get(0).contains("](")) {
        body.remove(0); // the switch line says 한국어 on every page
      }
      if (!HANGUL.matcher(String.join("\n", body)).find()) {
        problems.add(koName + " has no Korean text yet");
      }
      problems.addAll(sameBlocks(root, en, ko));
      problems.addAll(sameOutline(root, en, ko));
    }
    for (Path ko : koreanPages(root, modules)) {
      if (ko.equals(root.resolve(Glossary.PAGE))) {
        continue; // the translators' glossary is Korean by nature and has no English original
      }
      Path en = english(root, ko);
      if (!Files.isRegularFile(en)) {
        problems.add(Markdown.name(root, ko) + " translates " + Markdown.name(root, en)
            + ", which does not exist; rename or delete the Korean page with its English original");
      }
    }
    return problems;
  }

  /**
   * Code, commands and output are not translated: the twin's fenced blocks are the English page's
   * blocks, in the same order. Only comments, file-tree notes and diagram labels ({@link BlockText})
   * may differ, and only as a translation (in Korean), so a regenerated diagram or a changed command
   * cannot go stale in one language. A snippet block is its source's text and stays byte for byte.
   */
  static List<String> sameBlocks(Path root, Path en, Path ko) {
    List<Markdown.Block> english = Markdown.blocks(Markdown.lines(en));
    List<Markdown.Block> korean = Markdown.blocks(Markdown.lines(ko));
    String koName = Markdown.name(root, ko);
    int n = Math.min(english.size(), korean.size());
    for (int i = 0; i < n; i++) {
      Markdown.Block e = english.get(i);
      Markdown.Block k = korean.get(i);
      String difference = blockDifference(e, k);
      if (difference != null) {
        return List.of(koName + ":" + k.openLine() + ": code block " + (i + 1) + " differs from the one at "
            + Markdown.name(root, en) + ":" + e.openLine() + " (" + difference + "); code, commands and output are not"
            + " translated, only comments, file-tree notes and diagram labels, so copy the English block (with the"
            + " marker comments above it) and translate those again");
      }
    }
    if (english.size() != korean.size()) {
      return List.of(koName + " has " + korean.size() + " code blocks, " + Markdown.name(root, en) + " has "
          + english.size() + "; every block of the English page belongs in the translation, in the same order");
    }
    return List.of();
  }

  /** Null when the Korean block is the English one, translatable parts aside; else the first difference. */
  static String blockDifference(Markdown.Block en, Markdown.Block ko) {
    if (!en.info().equals(ko.info())) {
      return "it is " + (ko.info().isEmpty() ? "a block without a language" : "a '" + ko.info() + "' block")
          + ", the English one " + (en.info().isEmpty() ? "has no language" : "is '" + en.info() + "'");
    }
    boolean snippet = ko.markers().containsKey("snippet");
    List<BlockText.Line> e = BlockText.split(en.info(), en.lines());
    List<BlockText.Line> k = BlockText.split(ko.info(), ko.lines());
    for (int i = 0; i < Math.max(e.size(), k.size()); i++) {
      int line = ko.openLine() + 1 + i;
      if (i >= k.size()) {
        return "it ends at line " + line + ", where the English block goes on with \"" + en.lines().get(i).strip() + "\"";
      }
      if (i >= e.size()) {
        return "line " + line + " is extra: \"" + ko.lines().get(i).strip() + "\"";
      }
      String englishLine = en.lines().get(i).stripTrailing();
      String koreanLine = ko.lines().get(i).stripTrailing();
      boolean codeDiffers = snippet
          ? !englishLine.equals(koreanLine)
          : !e.get(i).code().equals(k.get(i).code()) || e.get(i).parts().size() != k.get(i).parts().size();
      if (codeDiffers) {
        return "line " + line + " is \"" + koreanLine.strip() + "\" where the English has \"" + englishLine.strip() + "\""
            + (snippet ? "; a snippet block is its source's text, nothing in it is translated" : "");
      }
      for (int p = 0; p < k.get(i).parts().size(); p++) {
        String enPart = e.get(i).parts().get(p);
        String koPart = k.get(i).parts().get(p);
        if (!enPart.equals(koPart) && !BlockText.translated(koPart)) {
          return "line " + line + " changes \"" + enPart + "\" to \"" + koPart + "\", which is not a translation";
        }
      }
    }
    return null;
  }

  /**
   * Prose cannot be compared across languages, but its outline can: the same number of headings at
   * each level. A section added to the English page and not yet translated shows up here.
   */
  static List<String> sameOutline(Path root, Path en, Path ko) {
    int[] english = outline(Markdown.prose(Markdown.lines(en)));
    int[] korean = outline(Markdown.prose(Markdown.lines(ko)));
    for (int level = 1; level <= 6; level++) {
      if (english[level] != korean[level]) {
        return List.of(Markdown.name(root, ko) + " has " + korean[level] + " headings of level " + level + ", "
            + Markdown.name(root, en) + " has " + english[level]
            + "; a section was added, removed or merged in one language only: bring the translation up to date");
      }
    }
    return List.of();
  }

  private static int[] outline(List<String> prose) {
    int[] counts = new int[7];
    for (String line : prose) {
      Matcher m = HEADING.matcher(line);
      if (m.find()) {
        counts[m.group(1).length()]++;
      }
    }
    return counts;
  }

  /** The first non-blank line of {@code page} must link to {@code other}. */
  private static List<String> switchLine(Path root, Path page, Path other) {
    String first = Markdown.lines(page).stream().filter(l -> !l.isBlank()).findFirst().orElse("");
    Matcher m = LINK.matcher(first);
    while (m.find()) {
      if (page.getParent().resolve(m.group(1)).normalize().equals(other.normalize())) {
        return List.of();
      }
    }
    String link = page.getParent().relativize(other).toString().replace('\\', '/');
    return List.of(Markdown.name(root, page) + ":1: the first line must be the language switch, linking to "
        + link + (page.getFileName().toString().endsWith(".ko.md") || Markdown.name(root, page).startsWith("docs/ko/")
            ? " (for example: [English](" + link + ") · **한국어**)"
            : " (for example: **English** · [한국어](" + link + "))"));
  }
}
