package io.asl4j.dsl.annotation;

import io.asl4j.dsl.model.QueryLanguage;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Parallel state: runs each {@link Branch} type listed, in order, at the same time.
 *
 * <pre>{@code
 * @Parallel(branches = {Notify.class, UpdateDb.class}, next = Done.class)
 * interface FanOut {}
 * }</pre>
 *
 * @see <a href="https://states-language.net/spec.html#parallel-state">Parallel State</a>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Parallel {
  /** The {@link Branch} types, in order. */
  Class<?>[] branches();

  /** The next state, or {@link End End.class}. */
  Class<?> next();

  /** The state's name. Defaults to the type's simple name. */
  String name() default "";

  String comment() default "";

  /** Defaults to the workflow's language. */
  QueryLanguage queryLanguage() default QueryLanguage.JSONPATH;

  /** JSONPath {@code InputPath}; {@code "null"} writes an explicit null (discard). */
  String inputPath() default "";

  /** JSONPath {@code Parameters}: JSON text. */
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
