package io.asl4j.dsl.validate;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** RFC 3339 date-times, as Wait {@code Timestamp} and {@code Timestamp*} comparisons require. */
final class Timestamps {
  /** AWS's message for a literal that is not one. */
  static final String NOT_RFC3339 = "String does not match RFC3339 timestamp";

  // RFC 3339 section 5.6: full-date "T" full-time, with seconds and an offset (Z or +hh:mm).
  private static final Pattern SHAPE =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

  private Timestamps() {}

  /** Whether {@code text} is an RFC 3339 date-time naming a real instant (no month 13, hour 25). */
  static boolean isRfc3339(String text) {
    if (!SHAPE.matcher(text).matches()) {
      return false;
    }
    try {
      // ISO_OFFSET_DATE_TIME resolves strictly: 2016-02-30 and 25:00 are rejected.
      OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
