package io.asl4j.dsl.builder;

import java.time.Duration;
import java.util.Objects;

/** Durations as the whole seconds ASL counts in. */
final class Durations {
  private Durations() {}

  static int seconds(Duration duration) {
    Objects.requireNonNull(duration, "duration == null");
    if (duration.getNano() != 0 || duration.isNegative()) {
      throw new IllegalArgumentException(
          "not a whole, non-negative number of seconds: " + duration);
    }
    if (duration.getSeconds() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("more seconds than an int holds: " + duration);
    }
    return (int) duration.getSeconds();
  }
}
