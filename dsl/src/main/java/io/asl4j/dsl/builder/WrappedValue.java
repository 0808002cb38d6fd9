package io.asl4j.dsl.builder;

/**
 * A builder value that is one immutable value and nothing more: equal to another of its class when
 * the wrapped values are equal, and written as the wrapped value.
 */
abstract class WrappedValue {
  WrappedValue() {}

  /** The value this one stands for. */
  abstract Object wrapped();

  @Override
  public final boolean equals(Object o) {
    return o != null
        && o.getClass() == getClass()
        && wrapped().equals(((WrappedValue) o).wrapped());
  }

  @Override
  public final int hashCode() {
    return wrapped().hashCode();
  }

  @Override
  public final String toString() {
    return wrapped().toString();
  }
}
