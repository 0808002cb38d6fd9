package io.asl4j.runtime.internal.jsonata;

import static io.asl4j.runtime.internal.jsonata.JsonataEngineTest.json;
import static io.asl4j.runtime.internal.jsonata.JsonataEngineTest.states;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.runtime.StatesError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class JsonataTemplateTest {

  private final JsonataEngine engine = new JsonataEngine();

  private JsonNode evaluate(String template, String field, String input) {
    return JsonataTemplate.compile(json(template), field)
        .evaluate(engine, states(input), name -> null);
  }

  private StatesError failure(String template, String field) {
    return assertThrows(StatesError.class, () -> evaluate(template, field, "{}"));
  }

  @Test
  void valuesThatAreNotExpressionsAreCopiedAsTheyAre() {
    String literals =
        "{\"null\":null,\"int\":0,\"float\":0.1,\"bool\":true,\"str\":\"constant string\","
            + "\"spaced\":\" {% states.input %} \",\"varpath\":\"$states.input\","
            + "\"jsonpath\":\"$.input_value\",\"context\":\"$$\",\"intrinsic\":"
            + "\"States.Format('Format:{}', 101)\",\"list\":[null,0,0.1,true,[],{\"c\":0}],"
            + "\"obj\":{}}";
    assertEquals(json(literals), evaluate(literals, "Output", "{\"input_value\":\"x\"}"));
  }

  @Test
  void expressionLeavesAreEvaluatedAtAnyDepth() {
    assertEquals(
        json("[null,\"string\",{\"a\":1},{\"key\":true,\"deep\":[2]}]"),
        evaluate(
            "[null,\"string\",\"{% $states.input %}\",{\"key\":\"{% true %}\","
                + "\"deep\":[\"{% $states.input.a + 1 %}\"]}]",
            "Output", "{\"a\":1}"));
  }

  @Test
  void aWholeFieldCanBeOneExpression() {
    assertEquals(
        json("7"), evaluate("\"{% $sum($states.input.v) + 1 %}\"", "Output", "{\"v\":[1,2,3]}"));
  }

  @Test
  void keyOrderOfTheTemplateIsKept() {
    assertEquals(
        "{\"z\":1,\"a\":\"x\",\"m\":null}",
        evaluate("{\"z\":1,\"a\":\"{% 'x' %}\",\"m\":null}", "Output", "{}").toString());
  }

  @Test
  void anUndefinedResultNamesTheFieldPath() {
    StatesError error = failure("{\"result\":\"{% $doesNotExist %}\"}", "Output");
    assertEquals("States.QueryEvaluationError", error.error());
    assertEquals(
        "The JSONata expression '$doesNotExist' specified for the field 'Output/result' returned"
            + " nothing (undefined).",
        error.cause());
    assertEquals(
        "The JSONata expression '$doesNotExist' specified for the field 'Arguments' returned"
            + " nothing (undefined).",
        failure("\"{% $doesNotExist %}\"", "Arguments").cause());
    assertEquals(
        "The JSONata expression '$doesNotExist' specified for the field"
            + " 'Arguments/Payload/inner' returned nothing (undefined).",
        failure("{\"Payload\":{\"inner\":\"{% $doesNotExist %}\"}}", "Arguments").cause());
  }

  @Test
  void arrayElementsAreNamedByIndex() {
    assertEquals(
        "The JSONata expression '$nothing' specified for the field 'Items/1' returned nothing"
            + " (undefined).",
        failure("[1,\"{%  $nothing  %}\"]", "Items").cause());
  }

  @Test
  void evaluationErrorsNameTheFieldPath() {
    assertEquals(
        "The JSONata expression '$randomSeeded(1)' specified for the field"
            + " 'Output/FunctionResult' threw an error during evaluation. T1006: Attempted to"
            + " invoke a non-function",
        failure("{\"FunctionResult\":\"{% $randomSeeded(1) %}\"}", "Output").cause());
  }

  @Test
  void variablesAreReadOncePerEvaluation() {
    List<String> asked = new ArrayList<>();
    Map<String, JsonNode> values = Map.of("a", json("{\"n\":2}"));
    Function<String, JsonNode> variables =
        name -> {
          asked.add(name);
          return values.get(name);
        };
    JsonataTemplate template =
        JsonataTemplate.compile(json("{\"x\":\"{% $a.n %}\",\"y\":\"{% $a.n * 2 %}\"}"), "Assign");
    assertEquals(json("{\"x\":2,\"y\":4}"), template.evaluate(engine, states("{}"), variables));
    assertEquals(List.of("a"), asked);
  }

  @Test
  void aTemplateIsReusableAndHandsOutFreshValues() {
    JsonataTemplate template =
        JsonataTemplate.compile(
            json("{\"fixed\":{\"k\":1},\"v\":\"{% $states.input %}\"}"), "Output");
    ObjectNode first = (ObjectNode) template.evaluate(engine, states("1"), name -> null);
    ((ObjectNode) first.get("fixed")).put("k", 99);
    assertEquals(
        json("{\"fixed\":{\"k\":1},\"v\":2}"),
        template.evaluate(engine, states("2"), name -> null));
  }

  @Test
  void aConstantTemplateNeedsNoState() {
    assertEquals(
        json("{\"a\":[1]}"),
        JsonataTemplate.compile(json("{\"a\":[1]}"), "Output").evaluate(engine, null, n -> null));
  }
}
