package io.asl4j.dsl.builder;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Timestamps as ASL wants them: RFC 3339 with seconds always written ({@code
 * OffsetDateTime.toString()} leaves out zero seconds, which ASL does not accept).
 */
final class Rfc3339 {
  private Rfc3339() {}

  static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(
        Objects.requireNonNull(instant, "timestamp == null"));
  }

  static String format(OffsetDateTime dateTime) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        Objects.requireNonNull(dateTime, "timestamp == null"));
  }
}
