package io.asl4j.dsl.path;

import java.util.Objects;

/** A path to a boolean, e.g. {@code BooleanPath.of("$.value")}. */
public record BooleanPath(String path) implements TypedPath {
  public BooleanPath {
    Objects.requireNonNull(path, "path == null");
  }

  /** The path {@code path}. */
  public static BooleanPath of(String path) {
    return new BooleanPath(path);
  }

  @Override
  public String toString() {
    return path;
  }
}
