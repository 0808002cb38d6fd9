package io.asl4j.dsl.builder;

import java.util.Objects;

/**
 * A path to a boolean: compared with {@code BooleanEquals} only.
 *
 * <pre>{@code
 * BooleanPath approved = JsonPaths.input().bool("approved");
 * approved.isTrue();   // {"Variable": "$.approved", "BooleanEquals": true}
 * }</pre>
 */
public final class BooleanPath extends BasePath implements TypedPath {
  BooleanPath(String path) {
    super(path);
  }

  public Condition eq(boolean value) {
    return Condition.booleanEquals(path(), value);
  }

  public Condition eq(BooleanPath other) {
    return Condition.booleanEqualsPath(
        path(), Objects.requireNonNull(other, "other == null").path());
  }

  public Condition isTrue() {
    return eq(true);
  }

  public Condition isFalse() {
    return eq(false);
  }

  /** {@code IsBoolean: true}. */
  public Condition isBoolean() {
    return Condition.isBoolean(path(), true);
  }
}
