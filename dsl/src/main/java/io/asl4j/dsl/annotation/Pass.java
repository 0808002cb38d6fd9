package io.asl4j.dsl.annotation;

import io.asl4j.dsl.model.QueryLanguage;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Pass state: passes its input on, optionally with a fixed {@code Result}.
 *
 * <pre>{@code
 * @Pass(result = "\"express\"", resultPath = "$.shipMethod", next = Notify.class)
 * interface ExpressShip {}
 * }</pre>
 *
 * @see <a href="https://states-language.net/spec.html#pass-state">Pass State</a>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Pass {
  /** The next state, or {@link End End.class}. */
  Class<?> next();

  /** JSONPath {@code Result}: JSON text ({@code "\"express\""} is the string express). */
  String result() default "";

  /** The state's name. Defaults to the type's simple name. */
  String name() default "";

  String comment() default "";

  /** Defaults to the workflow's language. */
  QueryLanguage queryLanguage() default QueryLanguage.JSONPATH;

  /** JSONPath {@code InputPath}; {@code "null"} writes an explicit null (discard). */
  String inputPath() default "";

  /** JSONPath {@code Parameters}: JSON text, e.g. {@code "{\"id.$\": \"$.orderId\"}"}. */
  String parameters() default "";

  /** JSONPath {@code ResultSelector}: JSON text. */
  String resultSelector() default "";

  /** JSONPath {@code ResultPath}; {@code "null"} discards the result. */
  String resultPath() default "";

  /** JSONPath {@code OutputPath}; {@code "null"} writes an explicit null. */
  String outputPath() default "";

  /** JSONata {@code Arguments}: JSON text, or a {@code {% %}} expression. */
  String arguments() default "";

  /** JSONata {@code Output}: JSON text, or a {@code {% %}} expression. */
  String output() default "";

  /** {@code Assign}: a JSON object of variables. */
  String assign() default "";
}
