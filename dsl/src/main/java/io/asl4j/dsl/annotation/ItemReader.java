package io.asl4j.dsl.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link Map} state's {@code ItemReader}, written on the Map state's type next to {@code @Map}:
 * where a distributed Map reads its items (an S3 object, listing or manifest).
 *
 * <pre>{@code
 * @Map(processor = PerRow.class, mode = DISTRIBUTED, executionType = EXPRESS, next = End.class)
 * @ItemReader(
 *     resource = "arn:aws:states:::s3:getObject",
 *     parameters = "{\"Bucket\": \"orders\", \"Key\": \"orders.csv\"}",
 *     inputType = "CSV", csvHeaderLocation = "FIRST_ROW", maxItems = 500)
 * interface EachRow {}
 * }</pre>
 *
 * <p>{@code ReaderConfig} is written when any of its attributes is. Attributes left out are absent
 * from the ASL.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html">ItemReader</a>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface ItemReader {
  /** {@code Resource}, e.g. {@code arn:aws:states:::s3:getObject} or {@code s3:listObjectsV2}. */
  String resource();

  /** JSONPath {@code Parameters}: JSON text. */
  String parameters() default "";

  /** JSONata {@code Arguments}: JSON text, or a {@code {% %}} expression. */
  String arguments() default "";

  /**
   * {@code ReaderConfig.InputFileType}: {@code CSV}, {@code JSON}, {@code JSONL}, {@code MANIFEST},
   * {@code PARQUET}.
   */
  String inputType() default "";

  /** {@code ReaderConfig.CSVHeaderLocation}: {@code FIRST_ROW} or {@code GIVEN}. */
  String csvHeaderLocation() default "";

  /** {@code ReaderConfig.CSVHeaders}, with {@code csvHeaderLocation = "GIVEN"}. */
  String[] csvHeaders() default {};

  /**
   * {@code ReaderConfig.CSVDelimiter}: {@code COMMA}, {@code PIPE}, {@code SEMICOLON}, {@code
   * SPACE}, {@code TAB}.
   */
  String csvDelimiter() default "";

  /** {@code ReaderConfig.ManifestType}: {@code ATHENA_DATA} or {@code S3_INVENTORY}. */
  String manifestType() default "";

  /** {@code ReaderConfig.MaxItems}. Defaults to all items. */
  int maxItems() default 0;

  /** JSONPath: a reference path giving {@code ReaderConfig.MaxItems}. */
  String maxItemsPath() default "";

  /** JSONata: a {@code {% %}} expression giving {@code ReaderConfig.MaxItems}. */
  String maxItemsExpression() default "";
}
