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
 * order.string("it's").path();        // "$.order[\"it's\"]"
 * }</pre>
 *
 * <p>A field name holding both {@code '} and {@code "}, or ending with a backslash, cannot be
 * written as a JSONPath step (quoted names are read verbatim, as AWS does): the methods taking a
 * field name throw {@link IllegalArgumentException} for it.
 */
public final class ObjectPath extends BasePath implements TypedPath {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  ObjectPath(String path) {
    super(path);
  }

  /**
   * The path to field {@code name}: {@code .name}, else {@code ['name']}, else {@code ["name"]}.
   * Quoted names are read verbatim (a backslash is no escape, as on AWS), so a name with both
   * quotes, or ending with a backslash, has no form.
   */
  String field(String name) {
    Objects.requireNonNull(name, "name == null");
    if (PLAIN.matcher(name).matches()) {
      return path() + "." + name;
    }
    if (!name.endsWith("\\")) {
      if (name.indexOf('\'') < 0) {
        return path() + "['" + name + "']";
      }
      if (name.indexOf('"') < 0) {
        return path() + "[\"" + name + "\"]";
      }
    }
    throw new IllegalArgumentException(
        "field name cannot be written in a JSONPath (it holds both quotes or ends with a"
            + " backslash): "
            + name);
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
}
