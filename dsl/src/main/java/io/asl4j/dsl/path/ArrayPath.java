package io.asl4j.dsl.path;

import java.util.Objects;

/** A path to an array, e.g. {@code ArrayPath.of("$.value")}. */
public record ArrayPath(String path) implements TypedPath {
  public ArrayPath {
    Objects.requireNonNull(path, "path == null");
  }

  /** The path {@code path}. */
  public static ArrayPath of(String path) {
    return new ArrayPath(path);
  }

  @Override
  public String toString() {
    return path;
  }
}
