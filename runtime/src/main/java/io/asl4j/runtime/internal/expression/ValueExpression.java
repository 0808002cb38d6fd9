package io.asl4j.runtime.internal.expression;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.expression.AslPath;
import io.asl4j.dsl.expression.ExpressionException;
import io.asl4j.dsl.expression.IntrinsicCall;
import io.asl4j.runtime.StatesError;
import java.util.Objects;
import java.util.function.Function;

/**
 * A value computed from a Path or an intrinsic call: what a {@code .$} key of a payload template,
 * or a Fail state's {@code ErrorPath}/{@code CausePath}, holds.
 *
 * <pre>{@code
 * ValueExpression cause = ValueExpression.parse("States.Format('Order {} failed', $.id)");
 * cause.evaluate("CausePath", input, context, variables, intrinsics); // "Order 7 failed"
 * }</pre>
 *
 * <p>A Path that selects nothing fails with AWS's cause {@code The JSONPath '$.x' specified for the
 * field 'CausePath' could not be found in the input '{"id":7}'}. The input printed is the value the
 * Path was evaluated on: the state's data for {@code $}, the context object for {@code $$}.
 */
public final class ValueExpression {
  private final String text;
  private final AslPath path;
  private final IntrinsicCall call;

  private ValueExpression(String text, AslPath path, IntrinsicCall call) {
    this.text = text;
    this.path = path;
    this.call = call;
  }

  /**
   * Parses a Path ({@code $...}, {@code $$...}, {@code $name...}) or an intrinsic call ({@code
   * States....}).
   *
   * @throws ExpressionException when {@code text} is neither
   */
  public static ValueExpression parse(String text) {
    Objects.requireNonNull(text, "text == null");
    if (IntrinsicCall.looksLikeIntrinsic(text)) {
      return new ValueExpression(text, null, IntrinsicCall.parse(text));
    }
    if (text.startsWith("$")) {
      return new ValueExpression(text, AslPath.parse(text), null);
    }
    throw new ExpressionException(
        "expected a path starting with '$' or an intrinsic function call starting with 'States.'"
            + " at position 0 in '"
            + text
            + "'",
        0);
  }

  /** The expression as written. */
  public String text() {
    return text;
  }

  /**
   * The value, evaluated for the field {@code field} (named in causes).
   *
   * @throws StatesError {@code States.Runtime} when a Path selects nothing or an intrinsic fails
   */
  public JsonNode evaluate(
      String field,
      JsonNode input,
      JsonNode context,
      Function<String, JsonNode> variables,
      IntrinsicEvaluator intrinsics) {
    if (call != null) {
      return intrinsics.evaluate(call, field, input, context, variables);
    }
    PathResult result = PathEvaluator.lookup(path, input, context, variables);
    if (result instanceof PathResult.Found) {
      return ((PathResult.Found) result).value();
    }
    JsonNode document = PathEvaluator.root(path, input, context, variables);
    throw new StatesError(
        "States.Runtime", notFoundCause(path, field, document == null ? input : document));
  }

  @Override
  public String toString() {
    return text;
  }

  /** {@code The JSONPath '<path>' [specified for the field '<field>' ]could not be found ...}. */
  static String notFoundCause(AslPath path, String field, JsonNode document) {
    return "The JSONPath '"
        + path.text()
        + "' "
        + (field == null ? "" : "specified for the field '" + field + "' ")
        + "could not be found in the input '"
        + Json.compact(document)
        + "'";
  }
}
