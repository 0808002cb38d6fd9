package io.asl4j.dsl.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A nested graph: a Parallel branch or a Map item processor. Its own nested types are its states,
 * one of them {@link StartAt}; transitions cannot leave it.
 *
 * <pre>{@code
 * @Branch interface Notify {
 *   @StartAt @Task(resource = "arn:aws:states:::sns:publish", next = End.class) interface Send {}
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Branch {
  String comment() default "";
}
