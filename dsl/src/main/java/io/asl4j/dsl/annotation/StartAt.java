package io.asl4j.dsl.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the state an execution (or a {@link Branch}) starts at: exactly one per {@link Workflow}
 * and per {@link Branch}.
 *
 * <pre>{@code
 * @StartAt @Task(resource = "arn:aws:lambda:us-east-1:123456789012:function:f", next = End.class)
 * interface First {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface StartAt {}
