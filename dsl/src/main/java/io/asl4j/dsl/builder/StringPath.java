package io.asl4j.dsl.builder;

import java.util.Objects;

/**
 * A path to a string: compared with the {@code String*} operators only.
 *
 * <pre>{@code
 * StringPath priority = JsonPaths.input().string("priority");
 * priority.eq("express");      // StringEquals
 * priority.matches("exp*");    // StringMatches
 * priority.eq(otherStringPath);// StringEqualsPath
 * }</pre>
 */
public final class StringPath extends BasePath implements TypedPath {
  StringPath(String path) {
    super(path);
  }

  public Condition eq(String value) {
    return Condition.stringEquals(path(), value);
  }

  public Condition eq(StringPath other) {
    return Condition.stringEqualsPath(
        path(), Objects.requireNonNull(other, "other == null").path());
  }

  public Condition lt(String value) {
    return Condition.stringLessThan(path(), value);
  }

  public Condition lt(StringPath other) {
    return Condition.stringLessThanPath(
        path(), Objects.requireNonNull(other, "other == null").path());
  }

  public Condition le(String value) {
    return Condition.stringLessThanEquals(path(), value);
  }

  public Condition le(StringPath other) {
    return Condition.stringLessThanEqualsPath(
        path(), Objects.requireNonNull(other, "other == null").path());
  }

  public Condition gt(String value) {
    return Condition.stringGreaterThan(path(), value);
  }

  public Condition gt(StringPath other) {
    return Condition.stringGreaterThanPath(
        path(), Objects.requireNonNull(other, "other == null").path());
  }

  public Condition ge(String value) {
    return Condition.stringGreaterThanEquals(path(), value);
  }

  public Condition ge(StringPath other) {
    return Condition.stringGreaterThanEqualsPath(
        path(), Objects.requireNonNull(other, "other == null").path());
  }

  /** {@code StringMatches}: {@code *} matches any run of characters; escape with {@code \\}. */
  public Condition matches(String pattern) {
    return Condition.stringMatches(path(), pattern);
  }

  /** {@code IsString: true}. */
  public Condition isString() {
    return Condition.isString(path(), true);
  }
}
