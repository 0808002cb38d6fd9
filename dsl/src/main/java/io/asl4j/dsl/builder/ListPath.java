package io.asl4j.dsl.builder;

/**
 * A path to a JSON array: a Map's {@code ItemsPath}, or an argument of the array intrinsics.
 *
 * <pre>{@code
 * ListPath orders = JsonPaths.input().list("orders");
 * MapState.jsonPath("ProcessAllOrders").itemsPath(orders);   // "ItemsPath": "$.orders"
 * States.arrayLength(orders).asl();                       // "States.ArrayLength($.orders)"
 * }</pre>
 */
public final class ListPath extends BasePath implements TypedPath {
  ListPath(String path) {
    super(path);
  }

  /** The element at {@code index}, as an object path. */
  public ObjectPath element(int index) {
    return new ObjectPath(path() + "[" + index + "]");
  }
}
