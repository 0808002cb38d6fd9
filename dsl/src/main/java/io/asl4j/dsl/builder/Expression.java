package io.asl4j.dsl.builder;

/**
 * A JSONPath-mode value computed at run time: a typed path ({@code $.orderId}, {@code
 * $$.Task.Token}, {@code $var}) or an intrinsic function call. In a {@link Payload} it is written
 * under a {@code key.$} field.
 *
 * <pre>{@code
 * Expression id = JsonPaths.input().string("orderId");
 * Payload.object().put("orderId", id);        // {"orderId.$": "$.orderId"}
 * }</pre>
 */
public sealed interface Expression permits TypedPath, Intrinsic {
  /** The expression as written in ASL, e.g. {@code $.orderId} or {@code States.UUID()}. */
  String asl();
}
