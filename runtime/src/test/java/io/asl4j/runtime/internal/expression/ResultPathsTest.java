package io.asl4j.runtime.internal.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.expression.AslPath;
import io.asl4j.runtime.StatesError;
import org.junit.jupiter.api.Test;

class ResultPathsTest {
  private static final JsonNode RESULT = Nodes.json("{\"ok\": true}");

  private static JsonNode merge(String input, String path) {
    return ResultPaths.merge(Nodes.json(input), AslPath.parse(path), RESULT);
  }

  private static StatesError failure(String input, String path) {
    StatesError e = assertThrows(StatesError.class, () -> merge(input, path));
    assertEquals("States.ResultPathMatchFailure", e.error());
    return e;
  }

  @Test
  void dollarReplacesTheInputWithTheResult() {
    assertSame(RESULT, ResultPaths.merge(Nodes.json("{\"a\": 1}"), AslPath.parse("$"), RESULT));
  }

  @Test
  void aFieldIsAddedOrReplacedBesideTheOthers() {
    assertEquals(
        Nodes.json("{\"a\": 1, \"check\": {\"ok\": true}}"), merge("{\"a\": 1}", "$.check"));
    assertEquals(Nodes.json("{\"a\": {\"ok\": true}}"), merge("{\"a\": 1}", "$.a"));
  }

  @Test
  void missingObjectsAlongThePathAreCreated() {
    assertEquals(
        Nodes.json("{\"a\": {\"x\": 0, \"b\": {\"c\": {\"ok\": true}}}}"),
        merge("{\"a\": {\"x\": 0}}", "$.a.b.c"));
    assertEquals(Nodes.json("{\"a b\": {\"c\": {\"ok\": true}}}"), merge("{}", "$['a b'][\"c\"]"));
  }

  @Test
  void anIndexPlacesTheResultInAnExistingElement() {
    // As Step Functions Local does: ResultPath "$[1].payload" on an array input.
    assertEquals(
        Nodes.json("[{\"a\": 1}, {\"id\": 7, \"payload\": {\"ok\": true}}, 4]"),
        merge("[{\"a\": 1}, {\"id\": 7}, 4]", "$[1].payload"));
    assertEquals(Nodes.json("{\"l\": [1, {\"ok\": true}]}"), merge("{\"l\": [1, 2]}", "$.l[-1]"));
  }

  @Test
  void theInputIsCopiedAlongThePathAndSharedElsewhere() {
    JsonNode input = Nodes.json("{\"keep\": {\"big\": [1, 2, 3]}, \"a\": {\"b\": 1}}");
    String before = input.toString();

    JsonNode output = ResultPaths.merge(input, AslPath.parse("$.a.c"), RESULT);

    assertEquals(before, input.toString());
    assertSame(input.get("keep"), output.get("keep"));
    assertEquals(
        Nodes.json("{\"keep\": {\"big\": [1, 2, 3]}, \"a\": {\"b\": 1, \"c\": {\"ok\": true}}}"),
        output);
  }

  @Test
  void settingAFieldInsideANonObjectFails() {
    assertEquals(
        "Unable to apply ResultPath '$.error' to input '\"item-1\"': the value at $ is string"
            + " \"item-1\", not an object",
        failure("\"item-1\"", "$.error").cause());
    assertEquals(
        "Unable to apply ResultPath '$.a.b' to input '{\"a\":null}': the value at $['a'] is"
            + " null, not an object",
        failure("{\"a\": null}", "$.a.b").cause());
  }

  @Test
  void anIndexMustNameAnExistingArrayElement() {
    assertEquals(
        "Unable to apply ResultPath '$.l[2]' to input '{\"l\":[1,2]}': index 2 is out of bounds"
            + " for the array of 2 at $['l']",
        failure("{\"l\": [1, 2]}", "$.l[2]").cause());
    assertEquals(
        "Unable to apply ResultPath '$.l[0]' to input '{}': there is no array at $['l']",
        failure("{}", "$.l[0]").cause());
    assertEquals(
        "Unable to apply ResultPath '$.l[0]' to input '{\"l\":{}}': the value at $['l'] is"
            + " object {}, not an array",
        failure("{\"l\": {}}", "$.l[0]").cause());
  }

  @Test
  void onlyReferencePathsOnTheInputAreResultPaths() {
    IllegalArgumentException wildcard =
        assertThrows(IllegalArgumentException.class, () -> merge("{}", "$.a[*]"));
    IllegalArgumentException context =
        assertThrows(IllegalArgumentException.class, () -> merge("{}", "$$.a"));

    assertEquals("a ResultPath must be a Reference Path on $: $.a[*]", wildcard.getMessage());
    assertEquals("a ResultPath must be a Reference Path on $: $$.a", context.getMessage());
  }
}
