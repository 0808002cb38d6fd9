package io.asl4j.runtime.internal.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.expression.JsonataExpressions;
import io.asl4j.runtime.StatesError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * A JSONata-state field value ({@code Arguments}, {@code Output}, {@code Assign}, {@code Items},
 * {@code ItemSelector}, ...) ready to be evaluated many times.
 *
 * <p>Any JSON value is allowed. Strings that are exactly {@code {% ... %}} are evaluated, every
 * other value is copied as is (so {@code "$.x"} and {@code " {% x %} "} stay strings), and objects
 * and arrays are walked. An expression that returns nothing fails the field, naming its path:
 * nested keys are joined with {@code /} ({@code Output/result}), array elements by index ({@code
 * Items/0}, a form AWS has not been seen to print).
 *
 * <pre>{@code
 * JsonataTemplate output = JsonataTemplate.compile(state.get("Output"), "Output");
 * JsonNode result = output.evaluate(engine, states, variables::get);
 * }</pre>
 */
public final class JsonataTemplate {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Node root;

  private JsonataTemplate(Node root) {
    this.root = root;
  }

  /** Prepares {@code template}, the value of field {@code field} ({@code "Output"}, ...). */
  public static JsonataTemplate compile(JsonNode template, String field) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(field, "field");
    return new JsonataTemplate(node(template, field));
  }

  /**
   * The value of the field for this {@code $states} object and these workflow variables.
   *
   * @throws StatesError {@code States.QueryEvaluationError} when an expression fails or returns
   *     nothing
   */
  public JsonNode evaluate(
      JsonataEngine engine, JsonNode states, Function<String, JsonNode> variables) {
    Objects.requireNonNull(engine, "engine");
    return root.evaluate(engine, new Bindings(states, variables));
  }

  /**
   * As {@link #evaluate(JsonataEngine, JsonNode, Function)}, for one execution: {@code $random()},
   * {@code $uuid()} and {@code $shuffle()} draw from {@code random} (used under a lock), and {@code
   * $now()} and {@code $millis()} give {@code nowMillis}, the execution's clock, so that a seeded
   * run on a virtual clock repeats exactly.
   */
  public JsonNode evaluate(
      JsonataEngine engine,
      JsonNode states,
      Function<String, JsonNode> variables,
      RandomGenerator random,
      long nowMillis) {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(random, "random");
    return root.evaluate(engine, new Bindings(states, variables, random, nowMillis));
  }

  private static Node node(JsonNode template, String path) {
    if (template.isTextual() && JsonataExpressions.isExpression(template.textValue())) {
      return new Expression(JsonataExpressions.body(template.textValue()), path);
    }
    if (template.isObject()) {
      List<Map.Entry<String, Node>> fields = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> entries = template.fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> entry = entries.next();
        fields.add(Map.entry(entry.getKey(), node(entry.getValue(), path + "/" + entry.getKey())));
      }
      return fields.stream().allMatch(field -> field.getValue() instanceof Constant)
          ? new Constant(template.deepCopy())
          : new ObjectTemplate(fields);
    }
    if (template.isArray()) {
      List<Node> elements = new ArrayList<>();
      for (int i = 0; i < template.size(); i++) {
        elements.add(node(template.get(i), path + "/" + i));
      }
      return elements.stream().allMatch(element -> element instanceof Constant)
          ? new Constant(template.deepCopy())
          : new ArrayTemplate(elements);
    }
    return new Constant(template.deepCopy());
  }

  /** One part of the template. */
  private interface Node {
    JsonNode evaluate(JsonataEngine engine, Bindings bindings);
  }

  /** A part without expressions; copied on each use so callers may change what they get. */
  private record Constant(JsonNode value) implements Node {
    @Override
    public JsonNode evaluate(JsonataEngine engine, Bindings bindings) {
      return value.deepCopy();
    }
  }

  private record Expression(String body, String path) implements Node {
    @Override
    public JsonNode evaluate(JsonataEngine engine, Bindings bindings) {
      JsonNode result;
      try {
        result = engine.evaluate(body, path, bindings);
      } catch (LocatedError e) {
        throw e;
      } catch (StatesError e) {
        throw new LocatedError(e, path);
      }
      if (result == null) {
        throw new LocatedError(JsonataErrors.returnedNothing(body, path), path);
      }
      return result;
    }
  }

  /**
   * An expression of the template failed: the error, with where in the field the expression is
   * ({@code Output/result}), which AWS's EvaluationFailed event names as its {@code location}.
   */
  public static final class LocatedError extends StatesError {
    private final String location;

    LocatedError(StatesError error, String location) {
      super(error.error(), error.cause());
      this.location = location;
    }

    /** The field and the keys down to the failing expression, joined with {@code /}. */
    public String location() {
      return location;
    }
  }

  private record ObjectTemplate(List<Map.Entry<String, Node>> fields) implements Node {
    @Override
    public JsonNode evaluate(JsonataEngine engine, Bindings bindings) {
      ObjectNode object = NODES.objectNode();
      for (Map.Entry<String, Node> field : fields) {
        object.set(field.getKey(), field.getValue().evaluate(engine, bindings));
      }
      return object;
    }
  }

  private record ArrayTemplate(List<Node> elements) implements Node {
    @Override
    public JsonNode evaluate(JsonataEngine engine, Bindings bindings) {
      ArrayNode array = NODES.arrayNode(elements.size());
      for (Node element : elements) {
        array.add(element.evaluate(engine, bindings));
      }
      return array;
    }
  }
}
