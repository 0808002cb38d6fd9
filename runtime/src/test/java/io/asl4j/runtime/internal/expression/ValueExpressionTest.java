package io.asl4j.runtime.internal.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.expression.ExpressionException;
import io.asl4j.runtime.StatesError;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ValueExpressionTest {
  private static final JsonNode CONTEXT =
      Nodes.json("{\"StateMachine\": {\"Name\": \"machine-1\"}}");
  private static final IntrinsicEvaluator INTRINSICS =
      IntrinsicEvaluator.withRandom(new SplittableRandom(1));

  private static JsonNode evaluate(String expression, String field, String input) {
    return ValueExpression.parse(expression)
        .evaluate(field, Nodes.json(input), CONTEXT, name -> null, INTRINSICS);
  }

  @Test
  void failStateErrorAndCauseMayBeIntrinsicCallsAsRecordedOnAws() {
    // test_state_fail_intrinsic
    String input = "{\"Error\": \"error string\", \"Cause\": \"cause string\"}";

    assertEquals(
        Nodes.json("\"error string\""),
        evaluate("States.Format('{}', $.Error)", "ErrorPath", input));
    assertEquals(
        Nodes.json("\"This is a custom error message for error string, caused by cause string.\""),
        evaluate(
            "States.Format('This is a custom error message for {}, caused by {}.', $.Error,"
                + " $.Cause)",
            "CausePath",
            input));
  }

  @Test
  void pathsReadTheInputOrTheContextObject() {
    assertEquals(Nodes.json("\"machine-1\""), evaluate("$$.StateMachine.Name", "CausePath", "{}"));
    assertEquals(Nodes.json("[1]"), evaluate("$.a", "x.$", "{\"a\": [1]}"));
  }

  @Test
  void aMissingPathNamesTheFieldAsRecordedOnAws() {
    // test_invalid_jsonpath[INVALID_JSONPATH_IN_ERRORPATH]
    StatesError e =
        assertThrows(
            StatesError.class,
            () -> evaluate("$.ErrorX", "ErrorPath", "{\"Error\": \"error-value\"}"));

    assertEquals("States.Runtime", e.error());
    assertEquals(
        "The JSONPath '$.ErrorX' specified for the field 'ErrorPath' could not be found in the"
            + " input '{\"Error\":\"error-value\"}'",
        e.cause());
  }

  @Test
  void onlyPathsAndIntrinsicCallsAreValueExpressions() {
    ExpressionException e =
        assertThrows(ExpressionException.class, () -> ValueExpression.parse("error"));

    assertEquals(
        "expected a path starting with '$' or an intrinsic function call starting with"
            + " 'States.' at position 0 in 'error'",
        e.getMessage());
    assertEquals("$.a", ValueExpression.parse("$.a").text());
  }
}
