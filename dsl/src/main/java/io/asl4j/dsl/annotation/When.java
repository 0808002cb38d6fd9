package io.asl4j.dsl.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One rule of a {@link Choice}: in JSONPath a {@code variable} and exactly one comparison
 * attribute, in JSONata a {@code condition}. Rules are tried in the order written.
 *
 * <pre>{@code
 * @When(variable = "$.paymentStatus", stringEquals = "APPROVED", next = Fulfil.class)
 * @When(variable = "$.total", numericGreaterThan = 100, next = Review.class)
 * @When(condition = "{% $states.input.priority = 'HIGH' %}", next = Expedite.class)
 * }</pre>
 *
 * <p>Boolean combinations (JSONPath) take {@link Rule} comparisons: {@code and = {@Rule(...),
 * ...}}, {@code or = {...}} or {@code not = @Rule(...)}, and a {@code @Rule(not = true, ...)}
 * negates one operand, so {@code And}/{@code Or} of (negated) comparisons and {@code Not} of a
 * comparison are checked by javac; deeper trees are a JSONata {@code condition} or the builder.
 *
 * <p>Several rules naming generated constants ({@code OrderPaths.TOTAL}) of a {@link WorkflowData}
 * record compiled in the same compilation go in an explicit container,
 * {@code @When.List({@When(...), @When(...)})}: javac checks the container it synthesizes for
 * implicitly repeated annotations before annotation processors run, so {@code OrderPaths} does not
 * exist yet and javac stops with "expression not allowed as annotation value". A single
 * {@code @When}, an explicit {@code @When.List}, string literals, or constants compiled earlier all
 * work.
 *
 * <p>Only the comparison you write is used; the defaults below are mere placeholders. When the
 * Choice's input is a {@link WorkflowData} record, the variable's type must suit the comparison:
 * {@code numericEquals} on a {@code String} component is a compile error.
 *
 * @see <a href="https://states-language.net/spec.html#choice-state">Choice Rules</a>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
@Repeatable(When.List.class)
public @interface When {
  /** The state to go to when the rule matches. */
  Class<?> next();

  /** JSONPath {@code Variable}: the path the comparison reads. */
  String variable() default "";

  /** JSONata {@code Condition}: a {@code {% %}} expression. */
  String condition() default "";

  /** JSONPath {@code And}: all of these comparisons hold. Instead of {@code variable}. */
  Rule[] and() default {};

  /** JSONPath {@code Or}: at least one of these comparisons holds. Instead of {@code variable}. */
  Rule[] or() default {};

  /** JSONPath {@code Not}: this comparison does not hold. Instead of {@code variable}. */
  Rule not() default @Rule;

  String comment() default "";

  /** {@code Assign}: a JSON object of variables. */
  String assign() default "";

  /** JSONata {@code Output}. */
  String output() default "";

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

  /** The rules of one Choice, in order. */
  @Documented
  @Retention(RetentionPolicy.SOURCE)
  @Target(ElementType.TYPE)
  @interface List {
    When[] value();
  }
}
