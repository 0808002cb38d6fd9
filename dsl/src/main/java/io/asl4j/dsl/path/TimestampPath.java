package io.asl4j.dsl.path;

import java.util.Objects;

/** A path to an RFC 3339 timestamp string, e.g. {@code TimestampPath.of("$.value")}. */
public record TimestampPath(String path) implements TypedPath {
  public TimestampPath {
    Objects.requireNonNull(path, "path == null");
  }

  /** The path {@code path}. */
  public static TimestampPath of(String path) {
    return new TimestampPath(path);
  }

  @Override
  public String toString() {
    return path;
  }
}
