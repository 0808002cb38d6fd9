package io.asl4j.runtime.internal.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.expression.AslPath;
import io.asl4j.runtime.StatesError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PathEvaluatorTest {
  private static final JsonNode INPUT =
      Nodes.json(
          """
          {"order": {"id": 7, "items": [{"sku": "A1", "qty": 2}, {"sku": "B2", "qty": 0}],
                     "note": null},
           "flag": true}""");
  private static final JsonNode CONTEXT =
      Nodes.json("{\"Execution\": {\"Input\": {\"n\": 1}, \"Name\": \"run-1\"}}");
  private static final Function<String, JsonNode> VARIABLES =
      Map.of("total", Nodes.json("{\"amount\": 12.5, \"parts\": [1, 2]}"))::get;

  private static JsonNode evaluate(String path) {
    return PathEvaluator.evaluate(AslPath.parse(path), INPUT, CONTEXT, VARIABLES);
  }

  private static String failure(String path) {
    StatesError e = assertThrows(StatesError.class, () -> evaluate(path));
    assertEquals("States.Runtime", e.error());
    return e.cause();
  }

  @Test
  void referencePathsSelectOneNode() {
    assertEquals(Nodes.json("\"B2\""), evaluate("$.order.items[1].sku"));
    assertEquals(Nodes.json("2"), evaluate("$['order']['items'][0][\"qty\"]"));
    assertEquals(Nodes.json("null"), evaluate("$.order.note"));
    assertSame(INPUT, evaluate("$"));
  }

  @Test
  void aNegativeIndexCountsFromTheEnd() {
    assertEquals(Nodes.json("{\"sku\": \"B2\", \"qty\": 0}"), evaluate("$.order.items[-1]"));
  }

  @Test
  void anIndexPastTheEndSelectsNullAsJaywayDoes() {
    assertEquals(Nodes.json("null"), evaluate("$.order.items[5]"));
  }

  @Test
  void theContextObjectAndVariablesAreRootsToo() {
    assertEquals(Nodes.json("{\"n\": 1}"), evaluate("$$.Execution.Input"));
    assertSame(CONTEXT, evaluate("$$"));
    assertEquals(Nodes.json("2"), evaluate("$total.parts[1]"));
    assertEquals(Nodes.json("{\"amount\": 12.5, \"parts\": [1, 2]}"), evaluate("$total"));
  }

  @Test
  void aMissingLastFieldHasNoResultsAsRecordedOnAws() {
    // test_invalid_jsonpath[ST.INVALID_JSONPATH_IN_INPUTPATH]
    StatesError e =
        assertThrows(
            StatesError.class,
            () ->
                PathEvaluator.evaluate(
                    AslPath.parse("$.NoSuchInputPath"),
                    Nodes.json("{\"int-literal\": 0}"),
                    CONTEXT,
                    VARIABLES));

    assertEquals("States.Runtime", e.error());
    assertEquals(
        "Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']", e.cause());
  }

  @Test
  void aMissingInnerFieldIsAMissingPropertyAsRecordedOnAws() {
    // lambda/scenarios test_catch_states_runtime
    assertEquals(
        "Invalid path '$.no.such.result.path' : Missing property in path $['no']",
        failure("$.no.such.result.path"));
  }

  @Test
  void aMissingFieldOfTheContextObjectIsReportedOnTheRewrittenPath() {
    assertEquals(
        "Invalid path '$$.Execution.Nope' : No results for path: $['Execution']['Nope']",
        failure("$$.Execution.Nope"));
  }

  @Test
  void aFieldOfANonObjectIsReportedWithTheNodeType() {
    assertEquals(
        "Invalid path '$.flag.x' : Expected to find an object with property ['x'] in path"
            + " $['flag'] but found 'com.fasterxml.jackson.databind.node.BooleanNode'. This is"
            + " not a json object according to the JsonProvider:"
            + " 'com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider'.",
        failure("$.flag.x"));
  }

  @Test
  void aDefinitePathThroughJaywayNamesJacksonsProviderInItsMessages() {
    // length() makes the path go through Jayway rather than the direct walk.
    assertEquals(
        "Invalid path '$.flag.x.length()' : Expected to find an object with property ['x'] in path"
            + " $['flag'] but found 'com.fasterxml.jackson.databind.node.BooleanNode'. This is"
            + " not a json object according to the JsonProvider:"
            + " 'com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider'.",
        failure("$.flag.x.length()"));
  }

  @Test
  void aPathThatWouldRunForMinutesFailsAfterOneSecond() {
    // Jayway builds each visited node's path text: two recursive descents and a filter over a
    // document 245 levels deep ran for over 7 seconds, a third descent for minutes.
    JsonNode deep = Nodes.json("1");
    for (int level = 0; level < 245; level++) {
      deep = Nodes.json("{\"a\": {\"items\": " + deep + "}}");
    }
    JsonNode document = deep;
    String path = "$..*..*[?(@ >= $.a && @)]..*";
    StatesError e =
        assertThrows(
            StatesError.class,
            () ->
                assertTimeoutPreemptively(
                    Duration.ofSeconds(30),
                    () ->
                        PathEvaluator.evaluate(AslPath.parse(path), document, CONTEXT, VARIABLES)));
    assertEquals(
        "Invalid path '"
            + path
            + "' : The path cannot be evaluated on this input (it ran for more"
            + " than 1 second)",
        e.cause());
  }

  @Test
  void anIndexIntoANonArrayShowsTheValue() {
    assertEquals(
        "Invalid path '$.order[0]' : Filter: [0] can only be applied to arrays. Current context"
            + " is: {\"id\":7,\"items\":[{\"sku\":\"A1\",\"qty\":2},{\"sku\":\"B2\",\"qty\":0}],"
            + "\"note\":null}",
        failure("$.order[0]"));
  }

  @Test
  void anUnassignedVariableSelectsNothing() {
    assertEquals(
        "Invalid path '$nope.a' : The variable '$nope' is not assigned", failure("$nope.a"));
  }

  @Test
  void wildcardsSlicesAndFiltersSelectArrays() {
    assertEquals(Nodes.json("[\"A1\", \"B2\"]"), evaluate("$.order.items[*].sku"));
    assertEquals(Nodes.json("[{\"sku\": \"B2\", \"qty\": 0}]"), evaluate("$.order.items[1:]"));
    assertEquals(Nodes.json("[\"A1\"]"), evaluate("$.order.items[?(@.qty > 0)].sku"));
    assertEquals(Nodes.json("[7]"), evaluate("$..id"));
    assertEquals(Nodes.json("[1, 2]"), evaluate("$total.parts[*]"));
  }

  @Test
  void aPatternMatchingNothingSelectsAnEmptyArrayEvenBelowAMissingField() {
    // test_json_path_array_wildcard_or_slice_with_no_input: "$.item.items[1:5].itemValue" on {}
    assertEquals(Nodes.json("[]"), evaluate("$.item.items[1:5].itemValue"));
    assertEquals(Nodes.json("[]"), evaluate("$.order.items[?(@.qty > 5)]"));
    assertEquals(Nodes.json("[]"), evaluate("$.flag[*]"));
  }

  @Test
  void definitePathsThatAreNotReferencePathsGoThroughJayway() {
    assertEquals(Nodes.json("{\"id\": 7, \"note\": null}"), evaluate("$.order['id','note']"));
    assertEquals(Nodes.json("2"), evaluate("$.order.items.length()"));
  }

  @Test
  void findAndLookupLetCallersWordTheMissThemselves() {
    AslPath missing = AslPath.parse("$.order.total");

    assertEquals(Optional.empty(), PathEvaluator.find(missing, INPUT, CONTEXT, VARIABLES));
    assertEquals(
        Optional.of(Nodes.json("7")),
        PathEvaluator.find(AslPath.parse("$.order.id"), INPUT, CONTEXT, VARIABLES));
    assertEquals(
        new PathResult.Missing("No results for path: $['order']['total']"),
        PathEvaluator.lookup(missing, INPUT, CONTEXT, VARIABLES));
  }

  @Test
  void rootIsTheValueAPathStartsFrom() {
    assertSame(INPUT, PathEvaluator.root(AslPath.parse("$.a"), INPUT, CONTEXT, VARIABLES));
    assertSame(CONTEXT, PathEvaluator.root(AslPath.parse("$$.a"), INPUT, CONTEXT, VARIABLES));
    assertEquals(null, PathEvaluator.root(AslPath.parse("$nope"), INPUT, CONTEXT, VARIABLES));
  }

  @Test
  void appendWorksOnACopyAndLeavesTheInputAlone() {
    JsonNode input = Nodes.json("{\"a\": [1, 2]}");

    JsonNode appended =
        PathEvaluator.evaluate(AslPath.parse("$.a.append(3)"), input, null, VARIABLES);

    assertEquals(Nodes.json("[1, 2, 3]"), appended);
    assertEquals(Nodes.json("{\"a\": [1, 2]}"), input);
  }

  @Test
  void anAppendThatPutsAnArrayInsideItselfSelectsNothing() {
    // Found by the long property run: "$.*..*.append('s', $.a)..*" overflowed the stack, and a
    // value that contains itself can never be written out.
    StatesError e =
        assertThrows(
            StatesError.class,
            () ->
                PathEvaluator.evaluate(
                    AslPath.parse("$.a.append($.a)"), Nodes.json("{\"a\": [1]}"), null, VARIABLES));

    assertEquals(
        "Invalid path '$.a.append($.a)' : The path cannot be evaluated on this input (append() made a"
            + " value that contains itself)",
        e.cause());
  }

  @Test
  void aFilterOnANumberIsAStatesRuntimeErrorNotAJaywayException() {
    StatesError e =
        assertThrows(
            StatesError.class,
            () ->
                PathEvaluator.evaluate(
                    AslPath.parse("$[?(@ == 1)]"), Nodes.json("1"), null, VARIABLES));

    assertEquals("States.Runtime", e.error());
    assertEquals(
        "Invalid path '$[?(@ == 1)]' : Filter: [?] can not be applied to primitives. Current context is: 1",
        e.cause());
  }

  @Test
  void aPathFunctionJaywayCannotComputeSelectsNothing() {
    StatesError e =
        assertThrows(
            StatesError.class,
            () ->
                PathEvaluator.evaluate(
                    AslPath.parse("$.first()"), Nodes.json("[]"), null, VARIABLES));

    assertEquals("States.Runtime", e.error());
    assertEquals(
        "Invalid path '$.first()' : The path cannot be evaluated on this input"
            + " (IndexOutOfBoundsException: Index 0 out of bounds for length 0)",
        e.cause());
  }

  @Test
  void pathsEvaluateConcurrently() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<JsonNode>> results = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String path = i % 2 == 0 ? "$.order.items[?(@.qty >= " + (i % 3) + ")].sku" : "$..sku";
        results.add(pool.submit(() -> evaluate(path)));
      }
      for (int i = 0; i < results.size(); i++) {
        assertEquals(
            i % 2 == 0 && i % 3 > 0 ? Nodes.json("[\"A1\"]") : Nodes.json("[\"A1\", \"B2\"]"),
            results.get(i).get());
      }
    } finally {
      pool.shutdown();
    }
  }
}
