package io.asl4j.dsl.builder;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A path to a number: compared with the {@code Numeric*} operators only.
 *
 * <pre>{@code
 * NumberPath total = JsonPaths.input().number("total");
 * total.gt(100);      // {"Variable": "$.total", "NumericGreaterThan": 100}
 * total.le(limit);    // NumericLessThanEqualsPath
 * }</pre>
 */
public final class NumberPath extends BasePath implements TypedPath {
  NumberPath(String path) {
    super(path);
  }

  public Condition eq(long value) {
    return Condition.numericEquals(path(), value);
  }

  public Condition eq(double value) {
    return Condition.numericEquals(path(), value);
  }

  public Condition eq(BigDecimal value) {
    return Condition.numericEquals(path(), value);
  }

  public Condition eq(NumberPath other) {
    return Condition.numericEqualsPath(
        path(), Objects.requireNonNull(other, "other == null").path());
  }

  public Condition lt(long value) {
    return Condition.numericLessThan(path(), value);
  }

  public Condition lt(double value) {
    return Condition.numericLessThan(path(), value);
  }

  public Condition lt(NumberPath other) {
    return Condition.numericLessThanPath(
        path(), Objects.requireNonNull(other, "other == null").path());
  }

  public Condition le(long value) {
    return Condition.numericLessThanEquals(path(), value);
  }

  public Condition le(double value) {
    return Condition.numericLessThanEquals(path(), value);
  }

  public Condition le(NumberPath other) {
    return Condition.numericLessThanEqualsPath(
        path(), Objects.requireNonNull(other, "other == null").path());
  }

  public Condition gt(long value) {
    return Condition.numericGreaterThan(path(), value);
  }

  public Condition gt(double value) {
    return Condition.numericGreaterThan(path(), value);
  }

  public Condition gt(NumberPath other) {
    return Condition.numericGreaterThanPath(
        path(), Objects.requireNonNull(other, "other == null").path());
  }

  public Condition ge(long value) {
    return Condition.numericGreaterThanEquals(path(), value);
  }

  public Condition ge(double value) {
    return Condition.numericGreaterThanEquals(path(), value);
  }

  public Condition ge(NumberPath other) {
    return Condition.numericGreaterThanEqualsPath(
        path(), Objects.requireNonNull(other, "other == null").path());
  }

  /** {@code IsNumeric: true}. */
  public Condition isNumeric() {
    return Condition.isNumeric(path(), true);
  }
}
