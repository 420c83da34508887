package com.example.workshop.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Just enough Markdown for the checks: which files are pages, where the fenced code blocks are, and
 * the marker comments ({@code <!-- snippet: ... -->}, {@code <!-- needs: aws -->}) written above a
 * block.
 */
final class Markdown {
  private Markdown() {}

  private static final Path FIXTURES = Path.of("repo-checks", "src", "test", "resources");
  private static final Set<String> SKIPPED_DIRS = Set.of("target", "node_modules", ".aws-sam");
  private static final Pattern FENCE = Pattern.compile("^(\\s*)(`{3,}|~{3,})\\s*([^\\s`]*)[^`]*$");
  private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*([a-z-]+)\\s*:\\s*(.*?)\\s*-->\\s*$");

  /** A fenced code block. Lines are 1-based; {@code lines} hold the content without the fence indent. */
  record Block(
      int openLine, int closeLine, String indent, String fence, String info, List<String> lines,
      Map<String, String> markers) {
    String language() {
      return info.toLowerCase();
    }
  }

  /** Every Markdown page of the repository (build output and hidden folders left out), sorted. */
  static List<Path> pages(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".md"))
          .filter(p -> Files.isRegularFile(p))
          .filter(p -> !skipped(root.relativize(p)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean skipped(Path relative) {
    if (relative.startsWith(FIXTURES)) {
      return true; // deliberately broken pages the checks' own tests use
    }
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      String dir = relative.getName(i).toString();
      if (dir.startsWith(".") || SKIPPED_DIRS.contains(dir)) {
        return true;
      }
    }
    return false;
  }

  /** The page's path as the reports show it: relative to the root, with forward slashes. */
  static String name(Path root, Path page) {
    return root.relativize(page).toString().replace('\\', '/');
  }

  static List<String> lines(Path file) {
    try {
      return Files.readString(file).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The fenced blocks of a page. An unclosed fence runs to the end of the page (as CommonMark
   * renders it); {@link #unclosedFence} reports it.
   */
  static List<Block> blocks(List<String> lines) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches()) {
        continue;
      }
      String indent = open.group(1);
      String fence = open.group(2);
      int close = i + 1;
      while (close < lines.size() && !closes(lines.get(close), fence)) {
        close++;
      }
      List<String> content = new ArrayList<>();
      for (int j = i + 1; j < close; j++) {
        content.add(unindent(lines.get(j), indent.length()));
      }
      blocks.add(new Block(i + 1, close + 1, indent, fence, open.group(3), content, markersAbove(lines, i)));
      i = close;
    }
    return blocks;
  }

  /** The 1-based line of a fence that is never closed, or 0. */
  static int unclosedFence(List<String> lines) {
    for (Block b : blocks(lines)) {
      if (b.closeLine() > lines.size()) {
        return b.openLine();
      }
    }
    return 0;
  }

  private static boolean closes(String line, String fence) {
    String t = line.strip();
    return t.length() >= fence.length() && t.chars().allMatch(c -> c == fence.charAt(0));
  }

  private static String unindent(String line, int n) {
    int i = 0;
    while (i < n && i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return line.substring(i);
  }

  /** Marker comments in the run of comment or blank lines right above line {@code fenceIndex}. */
  private static Map<String, String> markersAbove(List<String> lines, int fenceIndex) {
    Map<String, String> markers = new LinkedHashMap<>();
    for (int i = fenceIndex - 1; i >= 0; i--) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      Matcher m = MARKER.matcher(line);
      if (!m.matches()) {
        break;
      }
      markers.putIfAbsent(m.group(1), m.group(2));
    }
    return markers;
  }

  /** The page's lines with fenced blocks blanked out, so prose checks don't read code. */
  static List<String> prose(List<String> lines) {
    List<String> out = new ArrayList<>(lines);
    for (Block b : blocks(lines)) {
      for (int i = b.openLine() - 1; i < Math.min(b.closeLine(), lines.size()); i++) {
        out.set(i, "");
      }
    }
    return out;
  }
}
