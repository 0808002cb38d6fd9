package io.asl4j.dsl.builder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.asl4j.dsl.model.ComparisonOperator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A JSONPath Choice condition: a comparison of a {@code Variable}, or an {@code And}, {@code Or} or
 * {@code Not} of conditions. Immutable. Typed paths ({@link JsonPaths}) create comparisons with the
 * right operator; the static factories here cover every operator by its ASL name, for paths given
 * as text.
 *
 * <pre>{@code
 * Condition express = Condition.or(
 *     JsonPaths.input().string("priority").eq("express"),
 *     Condition.numericGreaterThan("$.total", 100));
 * }</pre>
 *
 * <p>JSONata Choice states take {@code "{% ... %}"} strings instead: see {@link Choice.Jsonata}.
 *
 * @see <a href="https://states-language.net/spec.html#choice-state">Choice state</a>
 */
public final class Condition extends WrappedValue {
  private final io.asl4j.dsl.model.Condition model;

  private Condition(io.asl4j.dsl.model.Condition model) {
    this.model = model;
  }

  /** A builder for the condition {@code model}, as read from existing ASL. */
  public static Condition of(io.asl4j.dsl.model.Condition model) {
    return new Condition(Objects.requireNonNull(model, "model == null"));
  }

  /** {@code {"Variable": variable, "<operator>": operand}} for any operator. */
  public static Condition compare(String variable, ComparisonOperator operator, JsonNode operand) {
    Objects.requireNonNull(variable, "variable == null");
    Objects.requireNonNull(operator, "operator == null");
    Objects.requireNonNull(operand, "operand == null");
    return new Condition(
        new io.asl4j.dsl.model.Condition.Comparison(variable, operator, operand, null));
  }

  /** {@code {"And": [...]}}: all of the conditions hold. */
  public static Condition and(Condition first, Condition... more) {
    return new Condition(new io.asl4j.dsl.model.Condition.And(models(first, more), null));
  }

  /** {@code {"Or": [...]}}: at least one of the conditions holds. */
  public static Condition or(Condition first, Condition... more) {
    return new Condition(new io.asl4j.dsl.model.Condition.Or(models(first, more), null));
  }

  /** {@code {"Not": {...}}}: the condition does not hold. */
  public static Condition not(Condition condition) {
    Objects.requireNonNull(condition, "condition == null");
    return new Condition(new io.asl4j.dsl.model.Condition.Not(condition.model, null));
  }

  /** This condition negated; same as {@link #not(Condition)}. */
  public Condition negate() {
    return not(this);
  }

  /** This condition and {@code other}. */
  public Condition and(Condition other) {
    return and(this, other);
  }

  /** This condition or {@code other}. */
  public Condition or(Condition other) {
    return or(this, other);
  }

  /**
   * Sets the {@code Comment} of this condition when it is nested in And, Or or Not. On a top-level
   * rule it becomes the rule's {@code Comment}, as {@link Choice.JsonPath#when(Condition,
   * Chainable, String)} sets it.
   */
  public Condition comment(String comment) {
    io.asl4j.dsl.model.Condition c = model;
    if (c instanceof io.asl4j.dsl.model.Condition.Comparison x) {
      return new Condition(
          new io.asl4j.dsl.model.Condition.Comparison(
              x.variable(), x.operator(), x.operand(), comment));
    } else if (c instanceof io.asl4j.dsl.model.Condition.And x) {
      return new Condition(new io.asl4j.dsl.model.Condition.And(x.conditions(), comment));
    } else if (c instanceof io.asl4j.dsl.model.Condition.Or x) {
      return new Condition(new io.asl4j.dsl.model.Condition.Or(x.conditions(), comment));
    } else if (c instanceof io.asl4j.dsl.model.Condition.Not x) {
      return new Condition(new io.asl4j.dsl.model.Condition.Not(x.condition(), comment));
    }
    throw new IllegalStateException("a JSONata condition has no comment");
  }

  /** The condition as a model value. */
  public io.asl4j.dsl.model.Condition toModel() {
    return model;
  }

  private static List<io.asl4j.dsl.model.Condition> models(Condition first, Condition[] more) {
    List<io.asl4j.dsl.model.Condition> list = new ArrayList<>();
    list.add(Objects.requireNonNull(first, "condition == null").model);
    for (Condition c : more) {
      list.add(Objects.requireNonNull(c, "condition == null").model);
    }
    return list;
  }

  /** {@code {"Variable": variable, "StringEquals": value}}. */
  public static Condition stringEquals(String variable, String value) {
    return compare(variable, ComparisonOperator.STRING_EQUALS, TextNode.valueOf(value));
  }

  /**
   * {@code {"Variable": variable, "StringEqualsPath": path}}: compares with the value at {@code
   * path}.
   */
  public static Condition stringEqualsPath(String variable, String path) {
    return compare(variable, ComparisonOperator.STRING_EQUALS_PATH, TextNode.valueOf(path));
  }

  /** {@code {"Variable": variable, "StringLessThan": value}}. */
  public static Condition stringLessThan(String variable, String value) {
    return compare(variable, ComparisonOperator.STRING_LESS_THAN, TextNode.valueOf(value));
  }

  /**
   * {@code {"Variable": variable, "StringLessThanPath": path}}: compares with the value at {@code
   * path}.
   */
  public static Condition stringLessThanPath(String variable, String path) {
    return compare(variable, ComparisonOperator.STRING_LESS_THAN_PATH, TextNode.valueOf(path));
  }

  /** {@code {"Variable": variable, "StringGreaterThan": value}}. */
  public static Condition stringGreaterThan(String variable, String value) {
    return compare(variable, ComparisonOperator.STRING_GREATER_THAN, TextNode.valueOf(value));
  }

  /**
   * {@code {"Variable": variable, "StringGreaterThanPath": path}}: compares with the value at
   * {@code path}.
   */
  public static Condition stringGreaterThanPath(String variable, String path) {
    return compare(variable, ComparisonOperator.STRING_GREATER_THAN_PATH, TextNode.valueOf(path));
  }

  /** {@code {"Variable": variable, "StringLessThanEquals": value}}. */
  public static Condition stringLessThanEquals(String variable, String value) {
    return compare(variable, ComparisonOperator.STRING_LESS_THAN_EQUALS, TextNode.valueOf(value));
  }

  /**
   * {@code {"Variable": variable, "StringLessThanEqualsPath": path}}: compares with the value at
   * {@code path}.
   */
  public static Condition stringLessThanEqualsPath(String variable, String path) {
    return compare(
        variable, ComparisonOperator.STRING_LESS_THAN_EQUALS_PATH, TextNode.valueOf(path));
  }

  /** {@code {"Variable": variable, "StringGreaterThanEquals": value}}. */
  public static Condition stringGreaterThanEquals(String variable, String value) {
    return compare(
        variable, ComparisonOperator.STRING_GREATER_THAN_EQUALS, TextNode.valueOf(value));
  }

  /**
   * {@code {"Variable": variable, "StringGreaterThanEqualsPath": path}}: compares with the value at
   * {@code path}.
   */
  public static Condition stringGreaterThanEqualsPath(String variable, String path) {
    return compare(
        variable, ComparisonOperator.STRING_GREATER_THAN_EQUALS_PATH, TextNode.valueOf(path));
  }

  /** {@code {"Variable": variable, "StringMatches": value}}. */
  public static Condition stringMatches(String variable, String value) {
    return compare(variable, ComparisonOperator.STRING_MATCHES, TextNode.valueOf(value));
  }

  /** {@code {"Variable": variable, "NumericEquals": value}}. */
  public static Condition numericEquals(String variable, long value) {
    return compare(variable, ComparisonOperator.NUMERIC_EQUALS, JsonNumbers.of(value));
  }

  /** {@code {"Variable": variable, "NumericEquals": value}}. */
  public static Condition numericEquals(String variable, double value) {
    return compare(variable, ComparisonOperator.NUMERIC_EQUALS, JsonNumbers.of(value));
  }

  /** {@code {"Variable": variable, "NumericEquals": value}}. */
  public static Condition numericEquals(String variable, BigDecimal value) {
    return compare(variable, ComparisonOperator.NUMERIC_EQUALS, JsonNumbers.of(value));
  }

  /**
   * {@code {"Variable": variable, "NumericEqualsPath": path}}: compares with the value at {@code
   * path}.
   */
  public static Condition numericEqualsPath(String variable, String path) {
    return compare(variable, ComparisonOperator.NUMERIC_EQUALS_PATH, TextNode.valueOf(path));
  }

  /** {@code {"Variable": variable, "NumericLessThan": value}}. */
  public static Condition numericLessThan(String variable, long value) {
    return compare(variable, ComparisonOperator.NUMERIC_LESS_THAN, JsonNumbers.of(value));
  }

  /** {@code {"Variable": variable, "NumericLessThan": value}}. */
  public static Condition numericLessThan(String variable, double value) {
    return compare(variable, ComparisonOperator.NUMERIC_LESS_THAN, JsonNumbers.of(value));
  }

  /** {@code {"Variable": variable, "NumericLessThan": value}}. */
  public static Condition numericLessThan(String variable, BigDecimal value) {
    return compare(variable, ComparisonOperator.NUMERIC_LESS_THAN, JsonNumbers.of(value));
  }

  /**
   * {@code {"Variable": variable, "NumericLessThanPath": path}}: compares with the value at {@code
   * path}.
   */
  public static Condition numericLessThanPath(String variable, String path) {
    return compare(variable, ComparisonOperator.NUMERIC_LESS_THAN_PATH, TextNode.valueOf(path));
  }

  /** {@code {"Variable": variable, "NumericGreaterThan": value}}. */
  public static Condition numericGreaterThan(String variable, long value) {
    return compare(variable, ComparisonOperator.NUMERIC_GREATER_THAN, JsonNumbers.of(value));
  }

  /** {@code {"Variable": variable, "NumericGreaterThan": value}}. */
  public static Condition numericGreaterThan(String variable, double value) {
    return compare(variable, ComparisonOperator.NUMERIC_GREATER_THAN, JsonNumbers.of(value));
  }

  /** {@code {"Variable": variable, "NumericGreaterThan": value}}. */
  public static Condition numericGreaterThan(String variable, BigDecimal value) {
    return compare(variable, ComparisonOperator.NUMERIC_GREATER_THAN, JsonNumbers.of(value));
  }

  /**
   * {@code {"Variable": variable, "NumericGreaterThanPath": path}}: compares with the value at
   * {@code path}.
   */
  public static Condition numericGreaterThanPath(String variable, String path) {
    return compare(variable, ComparisonOperator.NUMERIC_GREATER_THAN_PATH, TextNode.valueOf(path));
  }

  /** {@code {"Variable": variable, "NumericLessThanEquals": value}}. */
  public static Condition numericLessThanEquals(String variable, long value) {
    return compare(variable, ComparisonOperator.NUMERIC_LESS_THAN_EQUALS, JsonNumbers.of(value));
  }

  /** {@code {"Variable": variable, "NumericLessThanEquals": value}}. */
  public static Condition numericLessThanEquals(String variable, double value) {
    return compare(variable, ComparisonOperator.NUMERIC_LESS_THAN_EQUALS, JsonNumbers.of(value));
  }

  /** {@code {"Variable": variable, "NumericLessThanEquals": value}}. */
  public static Condition numericLessThanEquals(String variable, BigDecimal value) {
    return compare(variable, ComparisonOperator.NUMERIC_LESS_THAN_EQUALS, JsonNumbers.of(value));
  }

  /**
   * {@code {"Variable": variable, "NumericLessThanEqualsPath": path}}: compares with the value at
   * {@code path}.
   */
  public static Condition numericLessThanEqualsPath(String variable, String path) {
    return compare(
        variable, ComparisonOperator.NUMERIC_LESS_THAN_EQUALS_PATH, TextNode.valueOf(path));
  }

  /** {@code {"Variable": variable, "NumericGreaterThanEquals": value}}. */
  public static Condition numericGreaterThanEquals(String variable, long value) {
    return compare(variable, ComparisonOperator.NUMERIC_GREATER_THAN_EQUALS, JsonNumbers.of(value));
  }

  /** {@code {"Variable": variable, "NumericGreaterThanEquals": value}}. */
  public static Condition numericGreaterThanEquals(String variable, double value) {
    return compare(variable, ComparisonOperator.NUMERIC_GREATER_THAN_EQUALS, JsonNumbers.of(value));
  }

  /** {@code {"Variable": variable, "NumericGreaterThanEquals": value}}. */
  public static Condition numericGreaterThanEquals(String variable, BigDecimal value) {
    return compare(variable, ComparisonOperator.NUMERIC_GREATER_THAN_EQUALS, JsonNumbers.of(value));
  }

  /**
   * {@code {"Variable": variable, "NumericGreaterThanEqualsPath": path}}: compares with the value
   * at {@code path}.
   */
  public static Condition numericGreaterThanEqualsPath(String variable, String path) {
    return compare(
        variable, ComparisonOperator.NUMERIC_GREATER_THAN_EQUALS_PATH, TextNode.valueOf(path));
  }

  /** {@code {"Variable": variable, "BooleanEquals": value}}. */
  public static Condition booleanEquals(String variable, boolean value) {
    return compare(variable, ComparisonOperator.BOOLEAN_EQUALS, BooleanNode.valueOf(value));
  }

  /**
   * {@code {"Variable": variable, "BooleanEqualsPath": path}}: compares with the value at {@code
   * path}.
   */
  public static Condition booleanEqualsPath(String variable, String path) {
    return compare(variable, ComparisonOperator.BOOLEAN_EQUALS_PATH, TextNode.valueOf(path));
  }

  /** {@code {"Variable": variable, "TimestampEquals": value}}. */
  public static Condition timestampEquals(String variable, String value) {
    return compare(variable, ComparisonOperator.TIMESTAMP_EQUALS, TextNode.valueOf(value));
  }

  /**
   * {@code {"Variable": variable, "TimestampEqualsPath": path}}: compares with the value at {@code
   * path}.
   */
  public static Condition timestampEqualsPath(String variable, String path) {
    return compare(variable, ComparisonOperator.TIMESTAMP_EQUALS_PATH, TextNode.valueOf(path));
  }

  /** {@code {"Variable": variable, "TimestampLessThan": value}}. */
  public static Condition timestampLessThan(String variable, String value) {
    return compare(variable, ComparisonOperator.TIMESTAMP_LESS_THAN, TextNode.valueOf(value));
  }

  /**
   * {@code {"Variable": variable, "TimestampLessThanPath": path}}: compares with the value at
   * {@code path}.
   */
  public static Condition timestampLessThanPath(String variable, String path) {
    return compare(variable, ComparisonOperator.TIMESTAMP_LESS_THAN_PATH, TextNode.valueOf(path));
  }

  /** {@code {"Variable": variable, "TimestampGreaterThan": value}}. */
  public static Condition timestampGreaterThan(String variable, String value) {
    return compare(variable, ComparisonOperator.TIMESTAMP_GREATER_THAN, TextNode.valueOf(value));
  }

  /**
   * {@code {"Variable": variable, "TimestampGreaterThanPath": path}}: compares with the value at
   * {@code path}.
   */
  public static Condition timestampGreaterThanPath(String variable, String path) {
    return compare(
        variable, ComparisonOperator.TIMESTAMP_GREATER_THAN_PATH, TextNode.valueOf(path));
  }

  /** {@code {"Variable": variable, "TimestampLessThanEquals": value}}. */
  public static Condition timestampLessThanEquals(String variable, String value) {
    return compare(
        variable, ComparisonOperator.TIMESTAMP_LESS_THAN_EQUALS, TextNode.valueOf(value));
  }

  /**
   * {@code {"Variable": variable, "TimestampLessThanEqualsPath": path}}: compares with the value at
   * {@code path}.
   */
  public static Condition timestampLessThanEqualsPath(String variable, String path) {
    return compare(
        variable, ComparisonOperator.TIMESTAMP_LESS_THAN_EQUALS_PATH, TextNode.valueOf(path));
  }

  /** {@code {"Variable": variable, "TimestampGreaterThanEquals": value}}. */
  public static Condition timestampGreaterThanEquals(String variable, String value) {
    return compare(
        variable, ComparisonOperator.TIMESTAMP_GREATER_THAN_EQUALS, TextNode.valueOf(value));
  }

  /**
   * {@code {"Variable": variable, "TimestampGreaterThanEqualsPath": path}}: compares with the value
   * at {@code path}.
   */
  public static Condition timestampGreaterThanEqualsPath(String variable, String path) {
    return compare(
        variable, ComparisonOperator.TIMESTAMP_GREATER_THAN_EQUALS_PATH, TextNode.valueOf(path));
  }

  /** {@code {"Variable": variable, "IsNull": value}}. */
  public static Condition isNull(String variable, boolean value) {
    return compare(variable, ComparisonOperator.IS_NULL, BooleanNode.valueOf(value));
  }

  /** {@code {"Variable": variable, "IsPresent": value}}. */
  public static Condition isPresent(String variable, boolean value) {
    return compare(variable, ComparisonOperator.IS_PRESENT, BooleanNode.valueOf(value));
  }

  /** {@code {"Variable": variable, "IsNumeric": value}}. */
  public static Condition isNumeric(String variable, boolean value) {
    return compare(variable, ComparisonOperator.IS_NUMERIC, BooleanNode.valueOf(value));
  }

  /** {@code {"Variable": variable, "IsString": value}}. */
  public static Condition isString(String variable, boolean value) {
    return compare(variable, ComparisonOperator.IS_STRING, BooleanNode.valueOf(value));
  }

  /** {@code {"Variable": variable, "IsBoolean": value}}. */
  public static Condition isBoolean(String variable, boolean value) {
    return compare(variable, ComparisonOperator.IS_BOOLEAN, BooleanNode.valueOf(value));
  }

  /** {@code {"Variable": variable, "IsTimestamp": value}}. */
  public static Condition isTimestamp(String variable, boolean value) {
    return compare(variable, ComparisonOperator.IS_TIMESTAMP, BooleanNode.valueOf(value));
  }

  @Override
  Object wrapped() {
    return model;
  }
}
