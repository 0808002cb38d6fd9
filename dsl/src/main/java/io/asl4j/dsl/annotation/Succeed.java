package io.asl4j.dsl.annotation;

import io.asl4j.dsl.model.QueryLanguage;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Succeed state: ends the execution (or branch) successfully.
 *
 * <pre>{@code
 * @Succeed interface Done {}
 * }</pre>
 *
 * @see <a href="https://states-language.net/spec.html#succeed-state">Succeed State</a>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Succeed {
  /** The state's name. Defaults to the type's simple name. */
  String name() default "";

  String comment() default "";

  /** Defaults to the workflow's language. */
  QueryLanguage queryLanguage() default QueryLanguage.JSONPATH;

  String inputPath() default "";

  String outputPath() default "";

  /** JSONata {@code Output}: JSON text, or a {@code {% %}} expression. */
  String output() default "";
}
