package io.asl4j.dsl.annotation;

import io.asl4j.dsl.model.QueryLanguage;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A class whose nested types are the states of one state machine; the asl4j annotation processor
 * turns it into {@code META-INF/asl4j/<package>/<Class>.asl.json} and a {@code <Class>Definition}.
 *
 * <pre>{@code
 * @Workflow(comment = "Say hello")
 * final class Hello {
 *   @StartAt @Pass(result = "\"hello\"", next = Done.class) interface Greet {}
 *   @Succeed interface Done {}
 * }
 * }</pre>
 *
 * <p>An attribute left out is absent from the ASL; the defaults below are only what AWS assumes.
 *
 * @see io.asl4j.dsl.annotation
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Workflow {
  /** The state machine's name. Defaults to the class's simple name. */
  String name() default "";

  /** {@code Comment}. */
  String comment() default "";

  /** {@code QueryLanguage} of the whole machine. Defaults to JSONPath. */
  QueryLanguage queryLanguage() default QueryLanguage.JSONPATH;

  /** {@code TimeoutSeconds} of an execution. Defaults to none. */
  int timeoutSeconds() default 0;

  /** {@code Version} of the States Language. Defaults to "1.0". */
  String version() default "1.0";
}
