package io.asl4j.runtime.internal.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.expression.AslPath;
import io.asl4j.dsl.expression.AslPath.Field;
import io.asl4j.dsl.expression.AslPath.Index;
import io.asl4j.dsl.expression.AslPath.Root;
import io.asl4j.dsl.expression.AslPath.Step;
import io.asl4j.runtime.StatesError;
import java.util.List;
import java.util.Objects;

/**
 * Places a state's result into its raw input at a {@code ResultPath}.
 *
 * <pre>{@code
 * // input {"order":{"id":7}}, result {"ok":true}
 * ResultPaths.merge(input, AslPath.parse("$.order.check"), result);
 * // {"order":{"id":7,"check":{"ok":true}}}
 * }</pre>
 *
 * <p>{@code $} replaces the input with the result. Missing objects along the path are created;
 * arrays are not, and an index must name an existing element. The input is never modified: the
 * objects along the path are new nodes sharing the old ones' fields ({@link SharedObjectNode}), the
 * arrays along it are copied, and everything else is shared.
 *
 * @see <a href="https://states-language.net/spec.html#filters">ASL spec: ResultPath</a>
 */
public final class ResultPaths {
  private ResultPaths() {}

  /**
   * The input with {@code result} placed at {@code referencePath}.
   *
   * @throws IllegalArgumentException when the path is not a Reference Path on {@code $}
   * @throws StatesError {@code States.ResultPathMatchFailure} when the input has a non-object where
   *     a field must be set, or no such array element where an index is given
   */
  public static JsonNode merge(JsonNode rawInput, AslPath referencePath, JsonNode result) {
    Objects.requireNonNull(referencePath, "referencePath == null");
    Objects.requireNonNull(result, "result == null");
    if (referencePath.root() != Root.INPUT || !referencePath.isReferencePath()) {
      throw new IllegalArgumentException(
          "a ResultPath must be a Reference Path on $: " + referencePath);
    }
    return place(rawInput, referencePath.steps(), 0, result, referencePath, rawInput);
  }

  /**
   * Copies the container at {@code steps[0..i)} and places the rest below it. The text naming the
   * position ({@code $['a'][0]}) is built only when a failure reports it: building it eagerly cost
   * a string concatenation per step of every ResultPath.
   */
  private static JsonNode place(
      JsonNode node, List<Step> steps, int i, JsonNode result, AslPath path, JsonNode rawInput) {
    if (i == steps.size()) {
      return result;
    }
    Step step = steps.get(i);
    if (step instanceof Field) {
      String name = ((Field) step).name();
      if (node == null) {
        ObjectNode created = Json.MAPPER.createObjectNode();
        created.set(name, place(null, steps, i + 1, result, path, rawInput));
        return created;
      }
      if (!node.isObject()) {
        throw failure(
            path,
            rawInput,
            "the value at "
                + PathEvaluator.visited(steps, i)
                + " is "
                + Json.describe(node)
                + ", not an object");
      }
      // Shares the object's fields instead of copying them (history holds the original).
      JsonNode old = node.get(name);
      JsonNode placed = place(old, steps, i + 1, result, path, rawInput);
      return SharedObjectNode.with((ObjectNode) node, name, old != null, placed);
    }
    int index = ((Index) step).index();
    if (node == null || !node.isArray()) {
      throw failure(
          path,
          rawInput,
          node == null
              ? "there is no array at " + PathEvaluator.visited(steps, i)
              : "the value at "
                  + PathEvaluator.visited(steps, i)
                  + " is "
                  + Json.describe(node)
                  + ", not an array");
    }
    int effective = index < 0 ? node.size() + index : index;
    if (effective < 0 || effective >= node.size()) {
      throw failure(
          path,
          rawInput,
          "index "
              + index
              + " is out of bounds for the array of "
              + node.size()
              + " at "
              + PathEvaluator.visited(steps, i));
    }
    ArrayNode copy = Json.MAPPER.createArrayNode().addAll((ArrayNode) node);
    copy.set(effective, place(node.get(effective), steps, i + 1, result, path, rawInput));
    return copy;
  }

  private static StatesError failure(AslPath path, JsonNode rawInput, String problem) {
    return new StatesError(
        "States.ResultPathMatchFailure",
        "Unable to apply ResultPath '"
            + path.text()
            + "' to input '"
            + Json.compact(rawInput)
            + "': "
            + problem);
  }
}
