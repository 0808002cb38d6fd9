package io.asl4j.dsl.path;

import java.util.Objects;

/** A path to a number, e.g. {@code NumberPath.of("$.value")}. */
public record NumberPath(String path) implements TypedPath {
  public NumberPath {
    Objects.requireNonNull(path, "path == null");
  }

  /** The path {@code path}. */
  public static NumberPath of(String path) {
    return new NumberPath(path);
  }

  @Override
  public String toString() {
    return path;
  }
}
