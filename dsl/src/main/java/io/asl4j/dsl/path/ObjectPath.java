package io.asl4j.dsl.path;

import java.util.Objects;

/** A path to an object, e.g. {@code ObjectPath.of("$.value")}. */
public record ObjectPath(String path) implements TypedPath {
  public ObjectPath {
    Objects.requireNonNull(path, "path == null");
  }

  /** The path {@code path}. */
  public static ObjectPath of(String path) {
    return new ObjectPath(path);
  }

  @Override
  public String toString() {
    return path;
  }
}
