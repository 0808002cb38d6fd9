package io.asl4j.dsl.path;

import java.util.Objects;

/** A path to a string, e.g. {@code StringPath.of("$.value")}. */
public record StringPath(String path) implements TypedPath {
  public StringPath {
    Objects.requireNonNull(path, "path == null");
  }

  /** The path {@code path}. */
  public static StringPath of(String path) {
    return new StringPath(path);
  }

  @Override
  public String toString() {
    return path;
  }
}
