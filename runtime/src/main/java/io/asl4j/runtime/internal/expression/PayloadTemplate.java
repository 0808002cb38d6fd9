package io.asl4j.runtime.internal.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.expression.ExpressionException;
import io.asl4j.runtime.StatesError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A JSONPath-mode payload template ({@code Parameters}, {@code ResultSelector}, {@code
 * ItemSelector}, {@code Assign}), compiled once and evaluated many times.
 *
 * <pre>{@code
 * PayloadTemplate parameters = PayloadTemplate.compile(new ObjectMapper().readTree(
 *     "{\"orderId.$\": \"$.id\", \"source\": \"web\", \"when.$\": \"$$.State.EnteredTime\"}"));
 * parameters.evaluate(input, context, variables, intrinsics);
 * // {"orderId": 7, "source": "web", "when": "2025-01-01T00:00:00.000Z"}
 * }</pre>
 *
 * <p>A key ending in {@code .$} loses the suffix and its string value is evaluated as a Path or an
 * intrinsic call; every other value is copied as is, and objects are templated at any depth, inside
 * arrays too. Strings without a {@code .$} key, such as {@code "$.id"}, stay strings. A Path that
 * selects nothing fails with {@code States.Runtime}: {@code The JSONPath '$.id' specified for the
 * field 'orderId.$' could not be found in the input '{...}'}.
 *
 * <p>Parts without {@code .$} keys are shared by every result; as everywhere in this package,
 * results are not to be modified.
 *
 * @see <a href="https://states-language.net/spec.html#parameters">ASL spec: Parameters</a>
 */
public final class PayloadTemplate {
  private static final IntrinsicEvaluator STANDARD = IntrinsicEvaluator.standard();

  private final Node root;

  private PayloadTemplate(Node root) {
    this.root = root;
  }

  /**
   * Compiles a template, parsing each {@code .$} value once.
   *
   * @throws ExpressionException when a {@code .$} value is not a string holding a valid Path or
   *     intrinsic call, or an object gives a field both as {@code k} and {@code k.$}
   */
  public static PayloadTemplate compile(JsonNode template) {
    Objects.requireNonNull(template, "template == null");
    return new PayloadTemplate(compileNode(template));
  }

  /** Compiles and evaluates {@code template} once, with {@link IntrinsicEvaluator#standard()}. */
  public static JsonNode evaluate(
      JsonNode template, JsonNode input, JsonNode context, Function<String, JsonNode> variables) {
    return compile(template).evaluate(input, context, variables, STANDARD);
  }

  /**
   * The template's value for this input.
   *
   * @param input what {@code $} refers to (the effective input for Parameters, the result for
   *     ResultSelector, ...)
   * @param context what {@code $$} refers to
   * @param variables the workflow variables, null for an unassigned name
   * @throws StatesError {@code States.Runtime} when a Path selects nothing or an intrinsic fails
   */
  public JsonNode evaluate(
      JsonNode input,
      JsonNode context,
      Function<String, JsonNode> variables,
      IntrinsicEvaluator intrinsics) {
    Objects.requireNonNull(variables, "variables == null");
    Objects.requireNonNull(intrinsics, "intrinsics == null");
    return root.evaluate(input, context, variables, intrinsics);
  }

  /** True when the template has no {@code .$} key, so every evaluation gives the same value. */
  public boolean isConstant() {
    return root instanceof Constant;
  }

  private static Node compileNode(JsonNode template) {
    if (template.isObject()) {
      List<String> keys = new ArrayList<>();
      List<Node> values = new ArrayList<>();
      Map<String, String> written = new HashMap<>();
      boolean dynamic = false;
      for (Map.Entry<String, JsonNode> member : template.properties()) {
        String key = member.getKey();
        Node value;
        String name;
        if (key.endsWith(".$")) {
          name = key.substring(0, key.length() - 2);
          value = binding(key, member.getValue());
        } else {
          name = key;
          value = compileNode(member.getValue());
        }
        String previous = written.put(name, key);
        if (previous != null) {
          throw new ExpressionException(
              "the payload template gives the field '"
                  + name
                  + "' twice, as '"
                  + previous
                  + "' and '"
                  + key
                  + "'",
              -1);
        }
        dynamic |= !(value instanceof Constant);
        keys.add(name);
        values.add(value);
      }
      return dynamic
          ? new ObjectTemplate(List.copyOf(keys), List.copyOf(values))
          : new Constant(template.deepCopy());
    }
    if (template.isArray()) {
      List<Node> elements = new ArrayList<>();
      boolean dynamic = false;
      for (JsonNode element : template) {
        Node node = compileNode(element);
        dynamic |= !(node instanceof Constant);
        elements.add(node);
      }
      return dynamic ? new ArrayTemplate(List.copyOf(elements)) : new Constant(template.deepCopy());
    }
    return new Constant(template);
  }

  private static Node binding(String field, JsonNode value) {
    String problem =
        "The value for the field '"
            + field
            + "' must be a valid JSONPath or a valid"
            + " intrinsic function call";
    if (!value.isTextual()) {
      throw new ExpressionException(problem + ", not " + Json.describe(value), -1);
    }
    try {
      return new Binding(field, ValueExpression.parse(value.textValue()));
    } catch (ExpressionException e) {
      throw new ExpressionException(problem + ": " + e.getMessage(), e.position());
    }
  }

  /** One compiled part of a template. */
  private interface Node {
    JsonNode evaluate(
        JsonNode input,
        JsonNode context,
        Function<String, JsonNode> variables,
        IntrinsicEvaluator intrinsics);
  }

  private record Constant(JsonNode value) implements Node {
    @Override
    public JsonNode evaluate(
        JsonNode input,
        JsonNode context,
        Function<String, JsonNode> variables,
        IntrinsicEvaluator intrinsics) {
      return value;
    }
  }

  private record Binding(String field, ValueExpression expression) implements Node {
    @Override
    public JsonNode evaluate(
        JsonNode input,
        JsonNode context,
        Function<String, JsonNode> variables,
        IntrinsicEvaluator intrinsics) {
      return expression.evaluate(field, input, context, variables, intrinsics);
    }
  }

  private record ObjectTemplate(List<String> keys, List<Node> values) implements Node {
    @Override
    public JsonNode evaluate(
        JsonNode input,
        JsonNode context,
        Function<String, JsonNode> variables,
        IntrinsicEvaluator intrinsics) {
      ObjectNode result = Json.MAPPER.createObjectNode();
      for (int i = 0; i < keys.size(); i++) {
        result.set(keys.get(i), values.get(i).evaluate(input, context, variables, intrinsics));
      }
      return result;
    }
  }

  private record ArrayTemplate(List<Node> elements) implements Node {
    @Override
    public JsonNode evaluate(
        JsonNode input,
        JsonNode context,
        Function<String, JsonNode> variables,
        IntrinsicEvaluator intrinsics) {
      ArrayNode result = Json.MAPPER.createArrayNode();
      for (Node element : elements) {
        result.add(element.evaluate(input, context, variables, intrinsics));
      }
      return result;
    }
  }
}
