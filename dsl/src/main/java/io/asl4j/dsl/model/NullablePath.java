package io.asl4j.dsl.model;

import java.util.Objects;

/**
 * A path field that ASL allows to be {@code null}: {@code InputPath}, {@code OutputPath}, {@code
 * ResultPath}.
 *
 * <p>An absent field and {@code "ResultPath": null} are different ASL (the latter discards the
 * result), so the model holds a Java {@code null} for absent and {@link #DISCARD} for JSON null.
 *
 * <pre>{@code
 * NullablePath.of("$.result")   // "ResultPath": "$.result"
 * NullablePath.DISCARD          // "ResultPath": null
 * }</pre>
 */
public final class NullablePath {
  /** The JSON {@code null} value of a path field. */
  public static final NullablePath DISCARD = new NullablePath(null);

  private final String path;

  private NullablePath(String path) {
    this.path = path;
  }

  /** A path field holding {@code path}. */
  public static NullablePath of(String path) {
    return new NullablePath(Objects.requireNonNull(path, "path == null"));
  }

  /** Whether the field is JSON {@code null}. */
  public boolean isDiscard() {
    return path == null;
  }

  /** The path text; {@code null} for {@link #DISCARD}. */
  public String path() {
    return path;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NullablePath other && Objects.equals(path, other.path);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(path);
  }

  @Override
  public String toString() {
    return path == null ? "null" : path;
  }
}
