package io.asl4j.dsl.path;

/**
 * A JSONPath reference path that knows the JSON type it points at; generated {@code <Record>Paths}
 * classes return these.
 *
 * <pre>{@code
 * NumberPath total = OrderPaths.total();
 * total.path();   // "$.total"
 * }</pre>
 */
public sealed interface TypedPath
    permits StringPath, NumberPath, BooleanPath, TimestampPath, ObjectPath, ArrayPath {
  /** The path text, e.g. {@code $.total}. */
  String path();

}
