package io.asl4j.dsl.builder;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A path to a JSON object, from which typed paths to its fields are derived.
 *
 * <pre>{@code
 * ObjectPath order = JsonPaths.input().object("order");
 * order.string("priority").path();   // "$.order.priority"
 * order.number("line total").path(); // "$.order['line total']"
 * }</pre>
 */
public final class ObjectPath implements TypedPath {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final String path;

  ObjectPath(String path) {
    this.path = Objects.requireNonNull(path, "path == null");
  }

  @Override
  public String path() {
    return path;
  }

  String field(String name) {
    Objects.requireNonNull(name, "name == null");
    if (PLAIN.matcher(name).matches()) {
      return path + "." + name;
    }
    return path + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  public StringPath string(String field) {
    return new StringPath(field(field));
  }

  public NumberPath number(String field) {
    return new NumberPath(field(field));
  }

  public BooleanPath bool(String field) {
    return new BooleanPath(field(field));
  }

  public TimestampPath timestamp(String field) {
    return new TimestampPath(field(field));
  }

  public ObjectPath object(String field) {
    return new ObjectPath(field(field));
  }

  public ListPath list(String field) {
    return new ListPath(field(field));
  }

  @Override
  public String toString() {
    return path;
  }
}
