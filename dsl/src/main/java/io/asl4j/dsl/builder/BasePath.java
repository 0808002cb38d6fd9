package io.asl4j.dsl.builder;

import java.util.Objects;

/** The path text that every {@link TypedPath} holds, and its {@code toString()}. */
abstract class BasePath {
  private final String path;

  BasePath(String path) {
    this.path = Objects.requireNonNull(path, "path == null");
  }

  /** The path, e.g. {@code $.priority}. */
  public final String path() {
    return path;
  }

  @Override
  public final String toString() {
    return path;
  }
}
