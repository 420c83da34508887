package com.example.workshop.runtime;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?": the candidate closest to a mistyped name, when one is close enough. */
final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate at the smallest edit distance from {@code wanted} (case ignored), if that
   * distance is at most a third of the name's length (at least 2); never {@code wanted} itself.
   */
  static Optional<String> closest(String wanted, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int allowed = Math.max(2, wanted.length() / 3);
    for (String c : candidates) {
      if (c.equals(wanted)) {
        continue;
      }
      int d = distance(wanted.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
      if (d <= allowed && d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** " (did you mean 'X'?)" or "". */
  static String didYouMean(String wanted, Collection<String> candidates) {
    return closest(wanted, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
  }

  /** Levenshtein distance: insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }
}
