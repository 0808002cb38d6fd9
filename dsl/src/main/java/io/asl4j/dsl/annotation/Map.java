package io.asl4j.dsl.annotation;

import io.asl4j.dsl.model.QueryLanguage;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Map state: runs its {@code processor}, a {@link Branch} type, once per item.
 *
 * <pre>{@code
 * @Map(itemsPath = "$.orders", maxConcurrency = 10, processor = PerOrder.class, next = Summary.class)
 * interface ProcessAllOrders {}
 * }</pre>
 *
 * <p>A distributed Map's {@code ItemReader}, {@code ItemBatcher} and {@code ResultWriter} are the
 * separate annotations {@link ItemReader}, {@link ItemBatcher} and {@link ResultWriter} on the same
 * type. A numeric field is written one way: a number, a {@code ...Path} (JSONPath) or a {@code
 * ...Expression} (JSONata {@code {% %}}).
 *
 * @see <a href="https://states-language.net/spec.html#map-state">Map State</a>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Map {
  /** The {@link Branch} type run for each item ({@code ItemProcessor}). */
  Class<?> processor();

  /** The next state, or {@link End End.class}. */
  Class<?> next();

  /** JSONPath {@code ItemsPath}: a reference path to the array. Defaults to {@code $}. */
  String itemsPath() default "";

  /** JSONata {@code Items}: a JSON array or a {@code {% %}} expression. */
  String items() default "";

  /** {@code ItemSelector}: JSON text. */
  String itemSelector() default "";

  /** {@code MaxConcurrency}. Defaults to 0, no limit. */
  int maxConcurrency() default 0;

  /** JSONPath: a reference path giving {@code MaxConcurrency}. */
  String maxConcurrencyPath() default "";

  /** JSONata: a {@code {% %}} expression giving {@code MaxConcurrency}. */
  String maxConcurrencyExpression() default "";

  /** {@code ToleratedFailurePercentage} (distributed). Defaults to 0. */
  double toleratedFailurePercentage() default 0;

  /** JSONPath: a reference path giving {@code ToleratedFailurePercentage}. */
  String toleratedFailurePercentagePath() default "";

  /** JSONata: a {@code {% %}} expression giving {@code ToleratedFailurePercentage}. */
  String toleratedFailurePercentageExpression() default "";

  /** {@code ToleratedFailureCount} (distributed). Defaults to 0. */
  int toleratedFailureCount() default 0;

  /** JSONPath: a reference path giving {@code ToleratedFailureCount}. */
  String toleratedFailureCountPath() default "";

  /** JSONata: a {@code {% %}} expression giving {@code ToleratedFailureCount}. */
  String toleratedFailureCountExpression() default "";

  /** {@code Label} (distributed). */
  String label() default "";

  /** {@code ProcessorConfig.Mode}. Defaults to INLINE. */
  io.asl4j.dsl.model.ProcessorConfig.Mode mode() default
      io.asl4j.dsl.model.ProcessorConfig.Mode.INLINE;

  /** {@code ProcessorConfig.ExecutionType}, for DISTRIBUTED mode. */
  io.asl4j.dsl.model.ProcessorConfig.ExecutionType executionType() default
      io.asl4j.dsl.model.ProcessorConfig.ExecutionType.STANDARD;

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
