package io.asl4j.dsl.builder;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A path to an RFC 3339 timestamp string: compared with the {@code Timestamp*} operators only.
 *
 * <pre>{@code
 * TimestampPath due = JsonPaths.input().timestamp("due");
 * due.lt(Instant.parse("2025-01-01T00:00:00Z"));  // TimestampLessThan "2025-01-01T00:00:00Z"
 * }</pre>
 */
public final class TimestampPath extends BasePath implements TypedPath {
  TimestampPath(String path) {
    super(path);
  }

  public Condition eq(Instant value) {
    return Condition.timestampEquals(path(), Rfc3339.format(value));
  }

  public Condition eq(OffsetDateTime value) {
    return Condition.timestampEquals(path(), Rfc3339.format(value));
  }

  public Condition eq(TimestampPath other) {
    return Condition.timestampEqualsPath(
        path(), Objects.requireNonNull(other, "other == null").path());
  }

  public Condition lt(Instant value) {
    return Condition.timestampLessThan(path(), Rfc3339.format(value));
  }

  public Condition lt(OffsetDateTime value) {
    return Condition.timestampLessThan(path(), Rfc3339.format(value));
  }

  public Condition lt(TimestampPath other) {
    return Condition.timestampLessThanPath(
        path(), Objects.requireNonNull(other, "other == null").path());
  }

  public Condition le(Instant value) {
    return Condition.timestampLessThanEquals(path(), Rfc3339.format(value));
  }

  public Condition le(TimestampPath other) {
    return Condition.timestampLessThanEqualsPath(
        path(), Objects.requireNonNull(other, "other == null").path());
  }

  public Condition gt(Instant value) {
    return Condition.timestampGreaterThan(path(), Rfc3339.format(value));
  }

  public Condition gt(OffsetDateTime value) {
    return Condition.timestampGreaterThan(path(), Rfc3339.format(value));
  }

  public Condition gt(TimestampPath other) {
    return Condition.timestampGreaterThanPath(
        path(), Objects.requireNonNull(other, "other == null").path());
  }

  public Condition ge(Instant value) {
    return Condition.timestampGreaterThanEquals(path(), Rfc3339.format(value));
  }

  public Condition ge(TimestampPath other) {
    return Condition.timestampGreaterThanEqualsPath(
        path(), Objects.requireNonNull(other, "other == null").path());
  }

  /** {@code IsTimestamp: true}. */
  public Condition isTimestamp() {
    return Condition.isTimestamp(path(), true);
  }
}
