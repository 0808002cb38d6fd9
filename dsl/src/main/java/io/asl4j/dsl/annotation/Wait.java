package io.asl4j.dsl.annotation;

import io.asl4j.dsl.model.QueryLanguage;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Wait state: give exactly one of {@code seconds}, {@code secondsPath}, {@code timestamp} and
 * {@code timestampPath}.
 *
 * <pre>{@code
 * @Wait(seconds = 86_400, next = Done.class) interface CoolingOff {}
 * }</pre>
 *
 * @see <a href="https://states-language.net/spec.html#wait-state">Wait State</a>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Wait {
  /** The next state, or {@link End End.class}. */
  Class<?> next();

  /** {@code Seconds} to wait. */
  long seconds() default 0;

  /** JSONata: a {@code {% %}} expression giving {@code Seconds}. */
  String secondsExpression() default "";

  /** JSONPath: a reference path giving the seconds. */
  String secondsPath() default "";

  /** An RFC 3339 timestamp to wait until (or a {@code {% %}} expression in JSONata). */
  String timestamp() default "";

  /** JSONPath: a reference path giving the timestamp. */
  String timestampPath() default "";

  /** The state's name. Defaults to the type's simple name. */
  String name() default "";

  String comment() default "";

  /** Defaults to the workflow's language. */
  QueryLanguage queryLanguage() default QueryLanguage.JSONPATH;

  String inputPath() default "";

  String outputPath() default "";

  /** JSONata {@code Output}. */
  String output() default "";

  /** {@code Assign}: a JSON object of variables. */
  String assign() default "";
}
