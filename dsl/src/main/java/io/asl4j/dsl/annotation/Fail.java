package io.asl4j.dsl.annotation;

import io.asl4j.dsl.model.QueryLanguage;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Fail state: ends the execution (or branch) with an error.
 *
 * <pre>{@code
 * @Fail(error = "OrderRejected", cause = "Validation failed") interface Rejected {}
 * }</pre>
 *
 * @see <a href="https://states-language.net/spec.html#fail-state">Fail State</a>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Fail {
  /** The state's name. Defaults to the type's simple name. */
  String name() default "";

  String comment() default "";

  /** Defaults to the workflow's language. */
  QueryLanguage queryLanguage() default QueryLanguage.JSONPATH;

  String error() default "";

  /** JSONPath only: a reference path or intrinsic call giving the error name. */
  String errorPath() default "";

  String cause() default "";

  /** JSONPath only: a reference path or intrinsic call giving the cause. */
  String causePath() default "";
}
