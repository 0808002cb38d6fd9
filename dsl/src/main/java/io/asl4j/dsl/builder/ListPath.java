package io.asl4j.dsl.builder;

import java.util.Objects;

/**
 * A path to a JSON array: a Map's {@code ItemsPath}, or an argument of the array intrinsics.
 *
 * <pre>{@code
 * ListPath orders = JsonPaths.input().list("orders");
 * MapState.jsonPath("ProcessAllOrders").itemsPath(orders);   // "ItemsPath": "$.orders"
 * States.arrayLength(orders).asl();                       // "States.ArrayLength($.orders)"
 * }</pre>
 */
public final class ListPath implements TypedPath {
  private final String path;

  ListPath(String path) {
    this.path = Objects.requireNonNull(path, "path == null");
  }

  @Override
  public String path() {
    return path;
  }

  /** The element at {@code index}, as an object path. */
  public ObjectPath element(int index) {
    return new ObjectPath(path + "[" + index + "]");
  }

  @Override
  public String toString() {
    return path;
  }
}
