package io.asl4j.dsl.builder;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Entry points for typed JSONPath references: the state input ({@code $}), the context object
 * ({@code $$}) and workflow variables ({@code $name}), or any path given as text.
 *
 * <pre>{@code
 * StringPath priority = JsonPaths.input().string("priority");   // $.priority
 * NumberPath total = JsonPaths.number("$.order.total");
 * StringPath token = JsonPaths.TASK_TOKEN;                      // $$.Task.Token
 * }</pre>
 */
public final class JsonPaths {
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private JsonPaths() {}

  /** {@code $$.Task.Token}: the task token of a {@code .waitForTaskToken} Task. */
  public static final StringPath TASK_TOKEN = new StringPath("$$.Task.Token");

  /** {@code $$.Execution.Id}. */
  public static final StringPath EXECUTION_ID = new StringPath("$$.Execution.Id");

  /** {@code $$.Execution.Name}. */
  public static final StringPath EXECUTION_NAME = new StringPath("$$.Execution.Name");

  /** {@code $$.Execution.StartTime}. */
  public static final TimestampPath EXECUTION_START_TIME =
      new TimestampPath("$$.Execution.StartTime");

  /** {@code $$.State.Name}. */
  public static final StringPath STATE_NAME = new StringPath("$$.State.Name");

  /** {@code $$.Map.Item.Value}: the current item inside a Map's {@code ItemSelector}. */
  public static final ObjectPath MAP_ITEM_VALUE = new ObjectPath("$$.Map.Item.Value");

  /** {@code $$.Map.Item.Index}. */
  public static final NumberPath MAP_ITEM_INDEX = new NumberPath("$$.Map.Item.Index");

  /** {@code $}: the state input. */
  public static ObjectPath input() {
    return new ObjectPath("$");
  }

  /** {@code $$}: the context object. */
  public static ObjectPath context() {
    return new ObjectPath("$$");
  }

  /**
   * {@code $name}: a workflow variable set by {@code Assign}, as an object.
   *
   * @throws IllegalArgumentException when {@code name} is not a variable name (a letter or {@code
   *     _}, then letters, digits and {@code _})
   */
  public static ObjectPath variable(String name) {
    Objects.requireNonNull(name, "name == null");
    if (!VARIABLE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a valid variable name: " + name);
    }
    return new ObjectPath("$" + name);
  }

  public static StringPath string(String path) {
    return new StringPath(path);
  }

  public static NumberPath number(String path) {
    return new NumberPath(path);
  }

  public static BooleanPath bool(String path) {
    return new BooleanPath(path);
  }

  public static TimestampPath timestamp(String path) {
    return new TimestampPath(path);
  }

  public static ObjectPath object(String path) {
    return new ObjectPath(path);
  }

  public static ListPath list(String path) {
    return new ListPath(path);
  }
}
