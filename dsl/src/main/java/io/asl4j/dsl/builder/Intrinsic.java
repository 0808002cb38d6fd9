package io.asl4j.dsl.builder;

import java.util.Objects;

/**
 * A call of a JSONPath-mode intrinsic function, created by {@link States}; usable wherever an
 * {@link Expression} is, for example in a {@link Payload} under a {@code key.$} field.
 *
 * <pre>{@code
 * Intrinsic greeting = States.format("Hello, {}!", JsonPaths.input().string("name"));
 * greeting.asl();   // "States.Format('Hello, {}!', $.name)"
 * }</pre>
 */
public final class Intrinsic extends WrappedValue implements Expression {
  private final String text;

  Intrinsic(String text) {
    this.text = Objects.requireNonNull(text, "text == null");
  }

  @Override
  public String asl() {
    return text;
  }

  @Override
  Object wrapped() {
    return text;
  }
}
