package io.asl4j.dsl.annotation;

import io.asl4j.dsl.model.QueryLanguage;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Choice state; its rules are the {@link When} annotations on the same type, in order.
 *
 * <pre>{@code
 * @Choice(otherwise = StandardShip.class)
 * @When(variable = OrderPaths.PRIORITY, stringEquals = "express", next = ExpressShip.class)
 * @When(variable = OrderPaths.TOTAL, numericGreaterThan = 100, next = ExpressShip.class)
 * interface CheckPriority {}
 * }</pre>
 *
 * <p>A Choice cannot carry {@link Retry} or {@link Catch}.
 *
 * @see <a href="https://states-language.net/spec.html#choice-state">Choice State</a>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Choice {
  /** {@code Default}: where to go when no rule matches. Defaults to none (the state fails). */
  Class<?> otherwise() default void.class;

  /**
   * The {@link WorkflowData} record this state receives, so that rule paths are checked against its
   * components. Defaults to the output of the typed Tasks leading here, if they agree.
   */
  Class<?> input() default void.class;

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
