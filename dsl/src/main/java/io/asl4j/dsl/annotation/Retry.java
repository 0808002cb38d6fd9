package io.asl4j.dsl.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One retrier of a Task, Parallel or Map state; retriers are tried in the order written.
 *
 * <pre>{@code
 * @Retry(errors = Errors.TASK_FAILED, intervalSeconds = 2, maxAttempts = 3, backoffRate = 2.0)
 * }</pre>
 *
 * <p>Attributes left out are absent from the ASL; the defaults are what AWS assumes.
 *
 * @see <a href="https://states-language.net/spec.html#retrying-after-error">Retrying after
 *     error</a>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
@Repeatable(Retry.List.class)
public @interface Retry {
  /** {@code ErrorEquals}; {@link Errors#ALL} must be alone and in the last retrier. */
  String[] errors();

  /** Defaults to 1. */
  int intervalSeconds() default 1;

  /** Defaults to 3. */
  int maxAttempts() default 3;

  /** Defaults to 2.0. */
  double backoffRate() default 2.0;

  /** Defaults to none. */
  int maxDelaySeconds() default 0;

  /** Defaults to NONE. */
  io.asl4j.dsl.model.Retrier.JitterStrategy jitterStrategy() default
      io.asl4j.dsl.model.Retrier.JitterStrategy.NONE;

  String comment() default "";

  /** The retriers of one state, in order. */
  @Documented
  @Retention(RetentionPolicy.SOURCE)
  @Target(ElementType.TYPE)
  @interface List {
    Retry[] value();
  }
}
