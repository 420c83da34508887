package com.example.workshop.runtime.sfn.internal.asl;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one timestamp grammar of the States language, for definitions (Timestamp fields, Choice
 * literals) and at run time (TimestampPath, IsTimestamp, Timestamp comparisons): RFC 3339 as AWS
 * reads it — a date, {@code T}, a time with seconds and optional fraction of any length, then
 * {@code Z} or an offset. The date and time must exist in the calendar.
 */
public final class Timestamps {
  private static final Pattern RFC3339 = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})");
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /** The instant, or null when the text is not such a timestamp. */
  public static Instant parse(String text) {
    if (text == null || !RFC3339.matcher(text).matches()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT),
          DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  public static boolean isValid(String text) {
    return parse(text) != null;
  }

  /** {@code 2026-01-15T10:00:00.000Z}: how the Context object shows times. */
  public static String format(long epochMillis) {
    return MILLIS.format(Instant.ofEpochMilli(epochMillis));
  }
}
