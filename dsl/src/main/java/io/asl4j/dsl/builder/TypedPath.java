package io.asl4j.dsl.builder;

/**
 * A JSONPath reference with a known JSON type, so that Choice conditions pick the right operator
 * and a string cannot be compared with a number. Create paths with {@link JsonPaths}.
 *
 * <pre>{@code
 * StringPath priority = JsonPaths.input().string("priority");
 * priority.eq("express");  // {"Variable": "$.priority", "StringEquals": "express"}
 * priority.isPresent();    // {"Variable": "$.priority", "IsPresent": true}
 * // priority.gt(3) does not compile
 * }</pre>
 */
public sealed interface TypedPath extends Expression
    permits StringPath, NumberPath, BooleanPath, TimestampPath, ObjectPath, ListPath {

  /** The path, e.g. {@code $.priority}. */
  String path();

  @Override
  default String asl() {
    return path();
  }

  /** {@code IsPresent: true}. */
  default Condition isPresent() {
    return Condition.isPresent(path(), true);
  }

  /** {@code IsPresent: false}. */
  default Condition isNotPresent() {
    return Condition.isPresent(path(), false);
  }

  /** {@code IsNull: true}. */
  default Condition isNull() {
    return Condition.isNull(path(), true);
  }

  /** {@code IsNull: false}. */
  default Condition isNotNull() {
    return Condition.isNull(path(), false);
  }
}
