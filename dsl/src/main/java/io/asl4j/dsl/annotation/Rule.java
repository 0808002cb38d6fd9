package io.asl4j.dsl.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One JSONPath comparison inside a {@link When}'s {@code and}, {@code or} or {@code not}: a {@code
 * variable} and exactly one comparison attribute, as on {@code @When}. {@code not = true} negates
 * this one comparison.
 *
 * <pre>{@code
 * @When(
 *     and = {
 *       @Rule(variable = OrderPaths.TOTAL, numericGreaterThan = 100),
 *       @Rule(variable = OrderPaths.COUNTRY, stringEquals = "DE", not = true)
 *     },
 *     next = Review.class)
 * }</pre>
 *
 * <p>Annotations cannot contain themselves, so a {@code @Rule} holds no further {@code And}/{@code
 * Or}: deeper boolean trees are written as a JSONata {@code condition} or with the builder.
 *
 * @see <a href="https://states-language.net/spec.html#choice-state">Choice Rules</a>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target({})
public @interface Rule {
  /** JSONPath {@code Variable}: the path the comparison reads. */
  String variable() default "";

  /** Wraps this comparison in {@code {"Not": ...}}. */
  boolean not() default false;

  /** {@code Comment} on this nested rule. */
  String comment() default "";

  /** {@code StringEquals}. */
  String stringEquals() default "";

  /** {@code StringEqualsPath}. */
  String stringEqualsPath() default "";

  /** {@code StringLessThan}. */
  String stringLessThan() default "";

  /** {@code StringLessThanPath}. */
  String stringLessThanPath() default "";

  /** {@code StringGreaterThan}. */
  String stringGreaterThan() default "";

  /** {@code StringGreaterThanPath}. */
  String stringGreaterThanPath() default "";

  /** {@code StringLessThanEquals}. */
  String stringLessThanEquals() default "";

  /** {@code StringLessThanEqualsPath}. */
  String stringLessThanEqualsPath() default "";

  /** {@code StringGreaterThanEquals}. */
  String stringGreaterThanEquals() default "";

  /** {@code StringGreaterThanEqualsPath}. */
  String stringGreaterThanEqualsPath() default "";

  /** {@code StringMatches}. */
  String stringMatches() default "";

  /** {@code NumericEquals}. */
  double numericEquals() default 0;

  /** {@code NumericEqualsPath}. */
  String numericEqualsPath() default "";

  /** {@code NumericLessThan}. */
  double numericLessThan() default 0;

  /** {@code NumericLessThanPath}. */
  String numericLessThanPath() default "";

  /** {@code NumericGreaterThan}. */
  double numericGreaterThan() default 0;

  /** {@code NumericGreaterThanPath}. */
  String numericGreaterThanPath() default "";

  /** {@code NumericLessThanEquals}. */
  double numericLessThanEquals() default 0;

  /** {@code NumericLessThanEqualsPath}. */
  String numericLessThanEqualsPath() default "";

  /** {@code NumericGreaterThanEquals}. */
  double numericGreaterThanEquals() default 0;

  /** {@code NumericGreaterThanEqualsPath}. */
  String numericGreaterThanEqualsPath() default "";

  /** {@code BooleanEquals}. */
  boolean booleanEquals() default true;

  /** {@code BooleanEqualsPath}. */
  String booleanEqualsPath() default "";

  /** {@code TimestampEquals}. */
  String timestampEquals() default "";

  /** {@code TimestampEqualsPath}. */
  String timestampEqualsPath() default "";

  /** {@code TimestampLessThan}. */
  String timestampLessThan() default "";

  /** {@code TimestampLessThanPath}. */
  String timestampLessThanPath() default "";

  /** {@code TimestampGreaterThan}. */
  String timestampGreaterThan() default "";

  /** {@code TimestampGreaterThanPath}. */
  String timestampGreaterThanPath() default "";

  /** {@code TimestampLessThanEquals}. */
  String timestampLessThanEquals() default "";

  /** {@code TimestampLessThanEqualsPath}. */
  String timestampLessThanEqualsPath() default "";

  /** {@code TimestampGreaterThanEquals}. */
  String timestampGreaterThanEquals() default "";

  /** {@code TimestampGreaterThanEqualsPath}. */
  String timestampGreaterThanEqualsPath() default "";

  /** {@code IsNull}. */
  boolean isNull() default true;

  /** {@code IsPresent}. */
  boolean isPresent() default true;

  /** {@code IsNumeric}. */
  boolean isNumeric() default true;

  /** {@code IsString}. */
  boolean isString() default true;

  /** {@code IsBoolean}. */
  boolean isBoolean() default true;

  /** {@code IsTimestamp}. */
  boolean isTimestamp() default true;
}
