package io.asl4j.dsl.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link Map} state's {@code ItemBatcher}, written on the Map state's type next to {@code @Map}:
 * each child execution gets a batch of items instead of one.
 *
 * <pre>{@code
 * @Map(processor = PerBatch.class, mode = DISTRIBUTED, next = End.class)
 * @ItemBatcher(maxItemsPerBatch = 100, batchInput = "{\"source\": \"orders\"}")
 * interface InBatches {}
 * }</pre>
 *
 * <p>Attributes left out are absent from the ASL.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itembatcher.html">ItemBatcher</a>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface ItemBatcher {
  /** {@code MaxItemsPerBatch}. */
  int maxItemsPerBatch() default 0;

  /** JSONPath: a reference path giving {@code MaxItemsPerBatch}. */
  String maxItemsPerBatchPath() default "";

  /** JSONata: a {@code {% %}} expression giving {@code MaxItemsPerBatch}. */
  String maxItemsPerBatchExpression() default "";

  /** {@code MaxInputBytesPerBatch}. */
  int maxInputBytesPerBatch() default 0;

  /** JSONPath: a reference path giving {@code MaxInputBytesPerBatch}. */
  String maxInputBytesPerBatchPath() default "";

  /** JSONata: a {@code {% %}} expression giving {@code MaxInputBytesPerBatch}. */
  String maxInputBytesPerBatchExpression() default "";

  /** {@code BatchInput}: JSON text (or a {@code {% %}} expression in JSONata). */
  String batchInput() default "";
}
