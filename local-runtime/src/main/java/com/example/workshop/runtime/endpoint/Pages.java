package com.example.workshop.runtime.endpoint;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Pagination as the List and GetExecutionHistory operations do it: {@code maxResults} 1 to 1000,
 * 0 or absent meaning 100; a {@code nextToken} while more remain. The token is opaque to clients;
 * here it names the first item of the next page by a key that sorts in list order, so a page
 * stays right when items are added or deleted between calls.
 */
final class Pages {
  static final int DEFAULT_SIZE = 100;

  private Pages() {}

  record Page<T>(List<T> items, String nextToken) {}

  /**
   * @param sorted the whole list, in answer order
   * @param key each item's cursor key, ascending in answer order
   * @param list which list the token belongs to (a token of another list is refused)
   */
  static <T> Page<T> of(List<T> sorted, Function<T, String> key, String list, String nextToken,
      Integer maxResults) {
    int size = maxResults == null || maxResults == 0 ? DEFAULT_SIZE : maxResults;
    int from = 0;
    if (nextToken != null) {
      String cursor = cursor(nextToken, list);
      while (from < sorted.size() && key.apply(sorted.get(from)).compareTo(cursor) < 0) {
        from++;
      }
    }
    int to = Math.min(sorted.size(), from + size);
    String next = to < sorted.size() ? token(list, key.apply(sorted.get(to))) : null;
    return new Page<>(List.copyOf(sorted.subList(from, to)), next);
  }

  /** A key that sorts like {@code n} (0 or more); for descending order pass {@code Long.MAX_VALUE - n}. */
  static String numberKey(long n) {
    return String.format(java.util.Locale.ROOT, "%019d", n);
  }

  private static String token(String list, String cursor) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((list + "|" + cursor).getBytes(StandardCharsets.UTF_8));
  }

  private static String cursor(String token, String list) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith(list + "|")) {
        return text.substring(list.length() + 1);
      }
    } catch (IllegalArgumentException e) {
      // not base64: refused below
    }
    throw new ApiError("InvalidToken", "Invalid Token: '" + token + "' is not a nextToken of this list");
  }
}
