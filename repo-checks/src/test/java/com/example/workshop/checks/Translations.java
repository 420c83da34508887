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
      Path en = english(root, ko);
      if (!Files.isRegularFile(en)) {
        problems.add(Markdown.name(root, ko) + " translates " + Markdown.name(root, en)
            + ", which does not exist; rename or delete the Korean page with its English original");
      }
    }
    return problems;
  }

  /**
   * Code, commands, output and diagrams are not translated: the twin's fenced blocks are the
   * English page's blocks, in the same order. This keeps a regenerated diagram or a changed
   * command from going stale in one language.
   */
  static List<String> sameBlocks(Path root, Path en, Path ko) {
    List<Markdown.Block> english = Markdown.blocks(Markdown.lines(en));
    List<Markdown.Block> korean = Markdown.blocks(Markdown.lines(ko));
    String koName = Markdown.name(root, ko);
    int n = Math.min(english.size(), korean.size());
    for (int i = 0; i < n; i++) {
      Markdown.Block e = english.get(i);
      Markdown.Block k = korean.get(i);
      if (!e.info().equals(k.info()) || !stripped(e.lines()).equals(stripped(k.lines()))) {
        return List.of(koName + ":" + k.openLine() + ": code block " + (i + 1) + " differs from the one at "
            + Markdown.name(root, en) + ":" + e.openLine() + "; code, commands and output are not translated,"
            + " so copy the English block (with the marker comments above it)");
      }
    }
    if (english.size() != korean.size()) {
      return List.of(koName + " has " + korean.size() + " code blocks, " + Markdown.name(root, en) + " has "
          + english.size() + "; every block of the English page belongs in the translation, in the same order");
    }
    return List.of();
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

  private static List<String> stripped(List<String> lines) {
    return lines.stream().map(String::stripTrailing).toList();
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
