package io.asl4j.dsl.annotation;

import io.asl4j.dsl.model.QueryLanguage;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Task state. Its nested type may declare one abstract method, the task's typed contract: the
 * generated {@code <Workflow>Definition.tasks()} then binds a Java implementation of that method to
 * this state for local runs.
 *
 * <pre>{@code
 * @StartAt
 * @Task(resource = "arn:aws:lambda:us-east-1:123456789012:function:validate", next = Pay.class)
 * @Retry(errors = Errors.TASK_FAILED, maxAttempts = 2)
 * @Catch(errors = Errors.ALL, next = Rejected.class)
 * interface Validate {
 *   Order validate(Order order);
 * }
 * }</pre>
 *
 * <p>Attributes left out are absent from the ASL.
 *
 * @see <a href="https://states-language.net/spec.html#task-state">Task State</a>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Task {
  /** {@code Resource}: a Lambda, activity or service-integration ARN. */
  String resource();

  /** The next state, or {@link End End.class}. No default: every path ends explicitly. */
  Class<?> next();

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

  /** {@code TimeoutSeconds}. Defaults to 60 for activities and to the execution timeout. */
  int timeoutSeconds() default 0;

  /** JSONPath only: a reference path giving {@code TimeoutSeconds}. */
  String timeoutSecondsPath() default "";

  /** JSONata only: a {@code {% %}} expression giving {@code TimeoutSeconds}. */
  String timeoutSecondsExpression() default "";

  /** {@code HeartbeatSeconds}: must be below {@code TimeoutSeconds}. Defaults to none. */
  int heartbeatSeconds() default 0;

  /** JSONPath only: a reference path giving {@code HeartbeatSeconds}. */
  String heartbeatSecondsPath() default "";

  /** JSONata only: a {@code {% %}} expression giving {@code HeartbeatSeconds}. */
  String heartbeatSecondsExpression() default "";

  /** {@code Credentials}: JSON text, e.g. {@code "{\"RoleArn\": \"arn:...\"}"}. */
  String credentials() default "";
}
