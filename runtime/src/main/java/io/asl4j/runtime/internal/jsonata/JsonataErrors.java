package io.asl4j.runtime.internal.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.runtime.StatesError;

/**
 * The {@code States.QueryEvaluationError} errors of JSONata fields, worded as AWS words them.
 *
 * <p>Causes here lack the state prefix ("An error occurred while executing the state 'X' (entered
 * at the event id #N). "), which the interpreter adds. {@code expression} is the trimmed text
 * between {@code {%} and {@code %}}; {@code field} the field path, nested keys joined with {@code
 * /} ({@code Output/result}, {@code Arguments/FunctionName}).
 *
 * <pre>{@code
 * throw JsonataErrors.unexpectedType(body, "Items", "array", value);
 * }</pre>
 */
public final class JsonataErrors {

  /** The error name of every failure in this class. */
  public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";

  private JsonataErrors() {}

  /** The expression evaluated to undefined, which JSON cannot carry. */
  public static StatesError returnedNothing(String expression, String field) {
    return error(expression, field, "returned nothing (undefined).");
  }

  /** Evaluation failed; {@code detail} is the JSONata error, e.g. {@code T1006: Attempted...}. */
  public static StatesError threwError(String expression, String field, String detail) {
    return error(expression, field, "threw an error during evaluation. " + detail);
  }

  /** The result is JSON of the wrong type for the field, e.g. an object where an array belongs. */
  public static StatesError unexpectedType(
      String expression, String field, String expectedType, JsonNode value) {
    return error(
        expression,
        field,
        "returned an unexpected result type. Expected '"
            + expectedType
            + "', but was '"
            + typeName(value)
            + "' for value: "
            + value);
  }

  /** The result is no JSON at all, such as a function. */
  public static StatesError unsupportedType(String expression, String field) {
    return error(expression, field, "returned an unsupported result type.");
  }

  /** The JSON type name these messages use: object, array, string, number, boolean or null. */
  public static String typeName(JsonNode value) {
    switch (value.getNodeType()) {
      case OBJECT:
        return "object";
      case ARRAY:
        return "array";
      case STRING:
        return "string";
      case NUMBER:
        return "number";
      case BOOLEAN:
        return "boolean";
      case NULL:
        return "null";
      default:
        throw new IllegalArgumentException("Not a JSON value: " + value.getNodeType());
    }
  }

  private static StatesError error(String expression, String field, String outcome) {
    return new StatesError(
        QUERY_EVALUATION_ERROR,
        "The JSONata expression '"
            + expression
            + "' specified for the field '"
            + field
            + "' "
            + outcome);
  }
}
