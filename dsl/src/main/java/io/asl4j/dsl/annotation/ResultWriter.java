package io.asl4j.dsl.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link Map} state's {@code ResultWriter}, written on the Map state's type next to {@code @Map}:
 * where a distributed Map writes its results.
 *
 * <pre>{@code
 * @Map(processor = PerRow.class, mode = DISTRIBUTED, next = End.class)
 * @ResultWriter(
 *     resource = "arn:aws:states:::s3:putObject",
 *     parameters = "{\"Bucket\": \"results\", \"Prefix\": \"runs\"}")
 * interface EachRow {}
 * }</pre>
 *
 * <p>{@code WriterConfig} is written when {@code outputType} or {@code transformation} is.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html">ResultWriter</a>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface ResultWriter {
  /**
   * {@code Resource}: {@code arn:aws:states:::s3:putObject}. Optional with a {@code WriterConfig}.
   */
  String resource() default "";

  /** JSONPath {@code Parameters}: JSON text. */
  String parameters() default "";

  /** JSONata {@code Arguments}: JSON text, or a {@code {% %}} expression. */
  String arguments() default "";

  /** {@code WriterConfig.OutputType}: {@code JSON} or {@code JSONL}. */
  String outputType() default "";

  /** {@code WriterConfig.Transformation}: {@code NONE}, {@code COMPACT} or {@code FLATTEN}. */
  String transformation() default "";
}
