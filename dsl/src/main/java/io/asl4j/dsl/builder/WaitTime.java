package io.asl4j.dsl.builder;

import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The one time of a JSONPath {@link Wait}: a sealed choice between {@code Seconds}, {@code
 * Timestamp}, {@code SecondsPath} and {@code TimestampPath}.
 *
 * <pre>{@code
 * Wait.jsonPath("CoolingOff").time(WaitTime.duration(Duration.ofHours(24)));  // "Seconds": 86400
 * Wait.jsonPath("Until").time(WaitTime.timestampPath("$.due"));
 * }</pre>
 */
public sealed interface WaitTime {
  /** {@code Seconds}. */
  static WaitTime seconds(long seconds) {
    if (seconds < 0) {
      throw new IllegalArgumentException("Seconds must not be negative: " + seconds);
    }
    return new Seconds(seconds);
  }

  /** {@code Seconds}, from a whole number of seconds. */
  static WaitTime duration(Duration duration) {
    return seconds(Durations.seconds(duration));
  }

  /** {@code Timestamp}. */
  static WaitTime timestamp(Instant timestamp) {
    return new Timestamp(Rfc3339.format(timestamp));
  }

  /** {@code Timestamp}, as RFC 3339 text. */
  static WaitTime timestamp(String timestamp) {
    return new Timestamp(Objects.requireNonNull(timestamp, "timestamp == null"));
  }

  /** {@code SecondsPath}. */
  static WaitTime secondsPath(String path) {
    return new SecondsPath(Objects.requireNonNull(path, "path == null"));
  }

  /** {@code TimestampPath}. */
  static WaitTime timestampPath(String path) {
    return new TimestampPath(Objects.requireNonNull(path, "path == null"));
  }

  /** Sets this time on {@code wait}. */
  void applyTo(Wait<?> wait);

  /** {@code "Seconds": n}. */
  record Seconds(long seconds) implements WaitTime {
    @Override
    public void applyTo(Wait<?> wait) {
      wait.seconds = JsonNumbers.of(seconds);
    }
  }

  /** {@code "Timestamp": "..."}. */
  record Timestamp(String timestamp) implements WaitTime {
    @Override
    public void applyTo(Wait<?> wait) {
      wait.timestamp = TextNode.valueOf(timestamp);
    }
  }

  /** {@code "SecondsPath": "..."}. */
  record SecondsPath(String path) implements WaitTime {
    @Override
    public void applyTo(Wait<?> wait) {
      wait.secondsPath = path;
    }
  }

  /** {@code "TimestampPath": "..."}. */
  record TimestampPath(String path) implements WaitTime {
    @Override
    public void applyTo(Wait<?> wait) {
      wait.timestampPath = path;
    }
  }
}
