package io.asl4j.dsl.annotation;

/**
 * The transition target that ends a path: {@code next = End.class} writes {@code "End": true}.
 *
 * <pre>{@code
 * @Task(resource = "arn:aws:states:::sns:publish", next = End.class) interface Notify {}
 * }</pre>
 */
public final class End {
  private End() {}
}
