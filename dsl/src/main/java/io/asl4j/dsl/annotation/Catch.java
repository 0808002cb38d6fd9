package io.asl4j.dsl.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One catcher of a Task, Parallel or Map state; catchers are tried in the order written.
 *
 * <pre>{@code
 * @Catch(errors = Errors.ALL, resultPath = "$.error", next = Failed.class)
 * }</pre>
 *
 * @see <a href="https://states-language.net/spec.html#fallback-states">Fallback states</a>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
@Repeatable(Catch.List.class)
public @interface Catch {
  /** {@code ErrorEquals}; {@link Errors#ALL} must be alone and in the last catcher. */
  String[] errors();

  /** The state to go to. */
  Class<?> next();

  /** JSONPath {@code ResultPath}: where the error output goes. Defaults to {@code $}. */
  String resultPath() default "";

  /** JSONata {@code Output}. */
  String output() default "";

  /** {@code Assign}: a JSON object of variables. */
  String assign() default "";

  String comment() default "";

  /** The catchers of one state, in order. */
  @Documented
  @Retention(RetentionPolicy.SOURCE)
  @Target(ElementType.TYPE)
  @interface List {
    Catch[] value();
  }
}
