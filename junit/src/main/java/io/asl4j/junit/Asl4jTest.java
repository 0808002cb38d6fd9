package io.asl4j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test of the annotated class (or the annotated method) an {@link Asl4jRuntime}: a local
 * runtime on a virtual clock, injected as a parameter, with the test's handlers, mock files and
 * service fakes. Same as {@code @ExtendWith(Asl4jExtension.class)}, plus the clock's start.
 *
 * <pre>{@code
 * @Asl4jTest
 * class OrderTest {
 *   @Test
 *   void expressOrder(Asl4jRuntime asl4j) {
 *     asl4j.handler(VALIDATE, (in, ctx) -> in);
 *     Execution execution = asl4j.run(definition, "{\"priority\": \"express\"}");
 *     assertThat(execution).succeeded().passedThrough("ExpressShip");
 *   }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(Asl4jExtension.class)
public @interface Asl4jTest {
  /** Where the virtual clock starts, as an ISO-8601 instant. */
  String clock() default Asl4jRuntime.DEFAULT_CLOCK;

  /** Seeds random choices (jitter, UUIDs, task tokens) so runs repeat exactly. */
  long seed() default 42L;

  /**
   * Whether every machine gets the in-memory AWS service fakes ({@link Asl4jRuntime#services()}:
   * DynamoDB, SQS, SNS, EventBridge, Step Functions, HTTP, S3), so that a Task on {@code
   * arn:aws:states:::sns:publish} works in a test as it does on AWS. {@code false} leaves every
   * resource to the test's own handlers.
   */
  boolean services() default true;
}
