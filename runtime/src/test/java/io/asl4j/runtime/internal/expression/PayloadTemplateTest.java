package io.asl4j.runtime.internal.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.expression.ExpressionException;
import io.asl4j.runtime.StatesError;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PayloadTemplateTest {
  private static final JsonNode CONTEXT =
      Nodes.json(
          "{\"Execution\": {\"Input\": {\"int-literal\": 0}}, \"Map\": {\"Item\": {\"Index\":"
              + " 2}}}");
  private static final Function<String, JsonNode> VARIABLES =
      Map.of("greeting", Nodes.json("\"hi\""))::get;
  private static final IntrinsicEvaluator INTRINSICS =
      IntrinsicEvaluator.withRandom(new SplittableRandom(3));

  private static JsonNode evaluate(String template, String input) {
    return PayloadTemplate.compile(Nodes.json(template))
        .evaluate(Nodes.json(input), CONTEXT, VARIABLES, INTRINSICS);
  }

  @Test
  void dollarKeysLoseTheSuffixAndTakeTheValueTheirPathSelects() {
    assertEquals(
        Nodes.json("{\"id\": 7, \"all\": {\"id\": 7}, \"index\": 2, \"say\": \"hi\"}"),
        evaluate(
            "{\"id.$\": \"$.id\", \"all.$\": \"$\", \"index.$\": \"$$.Map.Item.Index\","
                + " \"say.$\": \"$greeting\"}",
            "{\"id\": 7}"));
  }

  @Test
  void otherValuesAreCopiedEvenWhenTheyLookLikePaths() {
    assertEquals(
        Nodes.json(
            "{\"p\": \"$.id\", \"c\": \"$$\", \"f\": \"States.UUID()\", \"n\": null, \"l\": [1,"
                + " \"$.id\"]}"),
        evaluate(
            "{\"p\": \"$.id\", \"c\": \"$$\", \"f\": \"States.UUID()\", \"n\": null, \"l\": [1,"
                + " \"$.id\"]}",
            "{\"id\": 7}"));
  }

  @Test
  void objectsAreTemplatedAtAnyDepthAndInsideArrays() {
    assertEquals(
        Nodes.json(
            "{\"outer\": {\"inner\": {\"v\": 7}}, \"list\": [{\"v\": 7}, [{\"w\": 7}], \"x\"]}"),
        evaluate(
            "{\"outer\": {\"inner\": {\"v.$\": \"$.id\"}},"
                + " \"list\": [{\"v.$\": \"$.id\"}, [{\"w.$\": \"$.id\"}], \"x\"]}",
            "{\"id\": 7}"));
  }

  @Test
  void intrinsicCallsAreEvaluated() {
    assertEquals(
        Nodes.json("{\"text\": \"Order 7 of 2\", \"parts\": [\"a\", \"b\"]}"),
        evaluate(
            "{\"text.$\": \"States.Format('Order {} of {}', $.id, $$.Map.Item.Index)\","
                + " \"parts.$\": \"States.StringSplit($.csv, ',')\"}",
            "{\"id\": 7, \"csv\": \"a,b\"}"));
  }

  @Test
  void aMissingPathFailsWithTheFieldAndTheInputAsRecordedOnAws() {
    // test_invalid_jsonpath[INVALID_JSONPATH_IN_STRING_EXPR_JSONPATH]
    StatesError e =
        assertThrows(
            StatesError.class,
            () -> evaluate("{\"value.$\": \"$.no_such_jsonpath\"}", "{\"int-literal\": 0}"));

    assertEquals("States.Runtime", e.error());
    assertEquals(
        "The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in"
            + " the input '{\"int-literal\":0}'",
        e.cause());
  }

  @Test
  void aMissingContextPathPrintsTheContextObject() {
    StatesError e =
        assertThrows(
            StatesError.class,
            () ->
                evaluate(
                    "{\"value.$\": \"$$.Execution.Input.no_such_jsonpath\"}",
                    "{\"int-literal\": 0}"));

    assertEquals(
        "The JSONPath '$$.Execution.Input.no_such_jsonpath' specified for the field 'value.$' could"
            + " not be found in the input '{\"Execution\":{\"Input\":{\"int-literal\":0}},"
            + "\"Map\":{\"Item\":{\"Index\":2}}}'",
        e.cause());
  }

  @Test
  void aMissingPathInsideAnIntrinsicCallNamesTheField() {
    StatesError e =
        assertThrows(
            StatesError.class, () -> evaluate("{\"s.$\": \"States.Format('{}', $.nope)\"}", "{}"));

    assertEquals(
        "The JSONPath '$.nope' specified for the field 's.$' could not be found in the input '{}'",
        e.cause());
  }

  @Test
  void aCompiledTemplateIsReusedForEachInput() {
    PayloadTemplate template = PayloadTemplate.compile(Nodes.json("{\"v.$\": \"$.n\", \"k\": 1}"));

    assertEquals(
        Nodes.json("{\"v\": 1, \"k\": 1}"),
        template.evaluate(Nodes.json("{\"n\": 1}"), CONTEXT, VARIABLES, INTRINSICS));
    assertEquals(
        Nodes.json("{\"v\": [2], \"k\": 1}"),
        template.evaluate(Nodes.json("{\"n\": [2]}"), CONTEXT, VARIABLES, INTRINSICS));
    assertFalse(template.isConstant());
  }

  @Test
  void aTemplateWithoutDollarKeysIsAConstantSharedByEveryEvaluation() {
    PayloadTemplate template = PayloadTemplate.compile(Nodes.json("{\"a\": [1, {\"b\": 2}]}"));

    JsonNode first = template.evaluate(Nodes.json("1"), CONTEXT, VARIABLES, INTRINSICS);

    assertTrue(template.isConstant());
    assertSame(first, template.evaluate(Nodes.json("2"), CONTEXT, VARIABLES, INTRINSICS));
    assertEquals(Nodes.json("{\"a\": [1, {\"b\": 2}]}"), first);
  }

  @Test
  void compilingCopiesTheTemplateSoLaterChangesToItDoNotLeakIn() {
    JsonNode source = Nodes.json("{\"a\": {\"b\": 1}}");
    PayloadTemplate template = PayloadTemplate.compile(source);

    ((com.fasterxml.jackson.databind.node.ObjectNode) source.get("a")).put("b", 2);

    assertEquals(
        Nodes.json("{\"a\": {\"b\": 1}}"),
        template.evaluate(Nodes.json("{}"), CONTEXT, VARIABLES, INTRINSICS));
  }

  @Test
  void theOneShotFormCompilesAndEvaluates() {
    assertEquals(
        Nodes.json("{\"n\": 3}"),
        PayloadTemplate.evaluate(
            Nodes.json("{\"n.$\": \"States.MathAdd($.a, 1)\"}"),
            Nodes.json("{\"a\": 2}"),
            CONTEXT,
            VARIABLES));
  }

  @Test
  void aDollarKeyMustHoldAPathOrACallAsAwsRequiresAtCreation() {
    ExpressionException notAString =
        assertThrows(
            ExpressionException.class, () -> PayloadTemplate.compile(Nodes.json("{\"a.$\": 1}")));
    ExpressionException literal =
        assertThrows(
            ExpressionException.class,
            () -> PayloadTemplate.compile(Nodes.json("{\"a.$\": \"plain\"}")));
    ExpressionException badCall =
        assertThrows(
            ExpressionException.class,
            () -> PayloadTemplate.compile(Nodes.json("{\"x\": [{\"a.$\": \"States.Nope()\"}]}")));

    assertEquals(
        "The value for the field 'a.$' must be a valid JSONPath or a valid intrinsic function"
            + " call, not number 1",
        notAString.getMessage());
    assertEquals(-1, notAString.position());
    assertEquals(
        "The value for the field 'a.$' must be a valid JSONPath or a valid intrinsic function"
            + " call: expected a path starting with '$' or an intrinsic function call starting"
            + " with 'States.' at position 0 in 'plain'",
        literal.getMessage());
    assertEquals(
        "The value for the field 'a.$' must be a valid JSONPath or a valid intrinsic function"
            + " call: unknown intrinsic function 'States.Nope' at position 0 in 'States.Nope()'",
        badCall.getMessage());
  }

  @Test
  void aFieldMayNotBeGivenBothPlainAndWithDollar() {
    ExpressionException e =
        assertThrows(
            ExpressionException.class,
            () -> PayloadTemplate.compile(Nodes.json("{\"a\": 1, \"a.$\": \"$.b\"}")));

    assertEquals(
        "the payload template gives the field 'a' twice, as 'a' and 'a.$'", e.getMessage());
  }
}
