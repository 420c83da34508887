package com.example.workshop.tools.conformance;

import com.example.workshop.tools.UsageError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cases not run, each with its reason: lines {@code pattern<TAB or spaces>reason}, '#' comments. A
 * pattern matches a vector file ({@code group/file.json}) or one case ({@code
 * group/file.json::case-id}); {@code *} is a wildcard.
 */
final class SkipList {
  private record Skip(Pattern pattern, String reason) {}

  private final List<Skip> skips;

  private SkipList(List<Skip> skips) {
    this.skips = skips;
  }

  static SkipList none() {
    return new SkipList(List.of());
  }

  static SkipList read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UsageError("cannot read skip list " + file + ": " + e.getMessage());
    }
    List<Skip> skips = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+", 2);
      if (parts.length < 2 || parts[1].isBlank()) {
        throw new UsageError(file + " line " + (i + 1) + ": '" + parts[0]
            + "' has no reason; write 'pattern<TAB>reason'");
      }
      skips.add(new Skip(wildcard(parts[0]), parts[1]));
    }
    return new SkipList(skips);
  }

  boolean skips(String file, String caseKey) {
    for (Skip s : skips) {
      if (s.pattern.matcher(file).matches() || s.pattern.matcher(caseKey).matches()) {
        return true;
      }
    }
    return false;
  }

  /** {@code *} matches any text (also across '/'); everything else is literal. */
  static Pattern wildcard(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (String part : pattern.split("\\*", -1)) {
      if (regex.length() > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }
}
