package io.asl4j.runtime.internal.jsonata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.asl4j.runtime.StatesError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class JsonataEngineTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Function<String, JsonNode> NO_VARIABLES = name -> null;

  private final JsonataEngine engine = new JsonataEngine();

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  static JsonNode states(String input) {
    return json("{\"input\":" + input + ",\"context\":{\"Execution\":{\"Input\":" + input + "}}}");
  }

  private JsonNode eval(String expression, String input) {
    return engine.evaluate(expression, "Output", states(input), NO_VARIABLES);
  }

  private StatesError failure(String expression, String input) {
    return assertThrows(
        StatesError.class,
        () -> engine.evaluate(expression, "Output/result", states(input), NO_VARIABLES));
  }

  /** An engine with its own timeout and depth limit. */
  private static JsonataEngine bounded(Duration timeout, int maxDepth) {
    return new JsonataEngine(new Random(1), Clock.systemUTC(), timeout, maxDepth);
  }

  /** The error {@code bounded} stops {@code expression} with, on an empty input. */
  private static StatesError stopped(JsonataEngine bounded, String expression) {
    return assertThrows(
        StatesError.class,
        () -> bounded.evaluate(expression, "Output/result", states("{}"), NO_VARIABLES));
  }

  private static void assertCause(String expression, String outcome, StatesError error) {
    assertEquals("States.QueryEvaluationError", error.error());
    assertEquals(
        "The JSONata expression '"
            + expression
            + "' specified for the field 'Output/result' "
            + outcome,
        error.cause());
  }

  @Test
  void statesInputAndContextAreReadable() {
    assertEquals(json("[1,2]"), eval("$states.input.a", "{\"a\":[1,2]}"));
    assertEquals(json("{\"a\":3}"), eval("$states.context.Execution.Input", "{\"a\":3}"));
  }

  @Test
  void thereIsNoContextItemAtTheTopLevel() {
    assertNull(eval("$", "{\"a\":1}"));
    assertNull(eval("$$", "{\"a\":1}"));
    assertNull(eval("a", "{\"a\":1}"));
  }

  @Test
  void theContextItemExistsInsideNestedExpressions() {
    assertEquals(json("[2,4]"), eval("$states.input.a.($ * 2)", "{\"a\":[1,2]}"));
    assertEquals(json("1"), eval("$count($states.input.a[$ = 1])", "{\"a\":[1,0,0]}"));
  }

  @Test
  void integralNumbersComeBackAsIntegers() {
    assertEquals("7", eval("$sum($states.input.v) + 1", "{\"v\":[1,2,3]}").toString());
    assertEquals("3", eval("6 / 2", "{}").toString());
    assertEquals("2", eval("$states.input.x", "{\"x\":2.0}").toString());
    assertEquals("0.30000000000000004", eval("0.1 + 0.2", "{}").toString());
    assertEquals("1.0E300", eval("1e300", "{}").toString());
  }

  @Test
  void integersBeyondDoublePrecisionPassThroughExactly() {
    assertEquals(
        "9007199254740993", eval("$states.input.n", "{\"n\":9007199254740993}").toString());
  }

  @Test
  void jsonNullIsDistinctFromUndefined() {
    assertEquals(NullNode.getInstance(), eval("$states.input.n", "{\"n\":null}"));
    assertEquals(json("\"null\""), eval("$type($states.input.n)", "{\"n\":null}"));
    assertNull(eval("$states.input.missing", "{\"n\":null}"));
    assertEquals(json("[null]"), eval("[null]", "{}"));
  }

  @Test
  void objectKeyOrderIsPreserved() {
    assertEquals(
        "{\"z\":1,\"a\":{\"y\":2,\"b\":3}}",
        eval("$states.input", "{\"z\":1,\"a\":{\"y\":2,\"b\":3}}").toString());
    assertEquals("{\"z\":1,\"a\":2}", eval("{'z': 1, 'a': 2}", "{}").toString());
  }

  @Test
  void variablesAreLookedUpOnlyWhenMentioned() {
    List<String> asked = new ArrayList<>();
    Map<String, JsonNode> values = Map.of("price", json("4"), "unused", json("1"));
    Function<String, JsonNode> variables =
        name -> {
          asked.add(name);
          return values.get(name);
        };
    assertEquals(json("12"), engine.evaluate("$price * 3", "Output", states("{}"), variables));
    assertEquals(List.of("price"), asked);
  }

  @Test
  void anUnassignedVariableIsUndefined() {
    assertNull(engine.evaluate("$doesNotExist", "Output", states("{}"), NO_VARIABLES));
  }

  @Test
  void aWorkflowVariableCannotReplaceStates() {
    Function<String, JsonNode> variables = name -> json("\"shadow\"");
    assertEquals(
        json("{\"a\":1}"),
        engine.evaluate("$states.input", "Output", states("{\"a\":1}"), variables));
  }

  @Test
  void withoutStatesTheStatesVariableIsUndefined() {
    assertNull(engine.evaluate("$states", "Output", null, NO_VARIABLES));
  }

  @Test
  void anUnknownFunctionFailsWithT1006() {
    StatesError error = failure("$randomSeeded($states.input.fst)", "{\"fst\":1}");
    assertCause(
        "$randomSeeded($states.input.fst)",
        "threw an error during evaluation. T1006: Attempted to invoke a non-function",
        error);
  }

  @Test
  void evalIsNotAvailable() {
    assertCause(
        "$eval('1 + 1')",
        "threw an error during evaluation. T1006: Attempted to invoke a non-function",
        failure("$eval('1 + 1')", "{}"));
  }

  @Test
  void aFunctionResultIsAnUnsupportedResultType() {
    assertCause(
        "$fn := function($x){$x}",
        "returned an unsupported result type.",
        failure("$fn := function($x){$x}", "{}"));
    assertCause("$sum", "returned an unsupported result type.", failure("$sum", "{}"));
    assertCause(
        "{'f': $uuid}", "returned an unsupported result type.", failure("{'f': $uuid}", "{}"));
    assertCause("/ab+/", "returned an unsupported result type.", failure("/ab+/", "{}"));
  }

  @Test
  void nonFiniteNumbersAreErrors() {
    assertCause(
        "1 / 0",
        "threw an error during evaluation. D1001: Number out of range: Infinity",
        failure("1 / 0", "{}"));
  }

  @Test
  void libraryMessagesUseJsonataWording() {
    assertCause(
        "$sqrt(-1)",
        "threw an error during evaluation. D3060: The sqrt function cannot be applied to a"
            + " negative number: -1",
        failure("$sqrt(-1)", "{}"));
    assertCause(
        "sum(1)",
        "threw an error during evaluation. T1005: Attempted to invoke a non-function. Did you"
            + " mean $sum?",
        failure("sum(1)", "{}"));
    assertCause(
        "$error('boom')",
        "threw an error during evaluation. D3137: boom",
        failure("$error('boom')", "{}"));
    assertCause(
        "$hash(1, 'MD5')",
        "threw an error during evaluation. T0410: Argument 1 of function \"hash\" does not"
            + " match function signature",
        failure("$hash(1, 'MD5')", "{}"));
  }

  @Test
  void anArgumentThatMustBeAnArrayOfATypeNamesTheFunctionAndTheTypeAsJsonataDoes() {
    assertCause(
        "$sum('abc')",
        "threw an error during evaluation. T0412: Argument 1 of function \"sum\" must be an array of \"numbers\"",
        failure("$sum('abc')", "{}"));
    assertCause(
        "$string($average(['a', 1]))",
        "threw an error during evaluation. T0412: Argument 1 of function \"average\" must be an array of \"numbers\"",
        failure("$string($average(['a', 1]))", "{}"));
    assertCause(
        "$join([1, 2])",
        "threw an error during evaluation. T0412: Argument 1 of function \"join\" must be an array of \"strings\"",
        failure("$join([1, 2])", "{}"));
  }

  @Test
  void aStringNumberCannotReadFailsWithD3030AndTheValue() {
    assertCause(
        "$number($states.input.n)",
        "threw an error during evaluation. D3030: Unable to cast value to a number: \"12x\"",
        failure("$number($states.input.n)", "{\"n\":\"12x\"}"));
  }

  @Test
  void aFunctionInAnErrorIsNamedNotPrintedAsAJavaObject() {
    // The library printed Jsonata$JFunction@37a94ca1, different on every run.
    assertCause(
        "{$now: 0}",
        "threw an error during evaluation. T1003: Key in object structure must evaluate to a string;"
            + " got: a function",
        failure("{$now: 0}", "{}"));
  }

  @Test
  void aLibraryDefectNamesAFunctionItPrintsTheSameWayEveryTime() {
    // The library failed with "unknown type to match:
    // com.dashjoin.jsonata.Jsonata$JFunction@16d35ecd".
    assertCause(
        "$contains('a', $now)",
        "threw an error during evaluation. RuntimeException: java.lang.Error: unknown type to match:"
            + " a function",
        failure("$contains('a', $now)", "{}"));
  }

  @Test
  void aSyntaxErrorFailsTheEvaluation() {
    assertCause(
        "1 +",
        "threw an error during evaluation. S0207: Unexpected end of expression",
        failure("1 +", "{}"));
  }

  @Test
  void deepRecursionIsStopped() {
    JsonataEngine bounded = bounded(Duration.ofSeconds(10), 200);
    String expression = "($f := function($n){$n = 0 ? 0 : 1 + $f($n - 1)}; $f(100000))";
    StatesError error = stopped(bounded, expression);
    assertCause(
        expression,
        "threw an error during evaluation. Stack overflow error: Check for non-terminating"
            + " recursive function.  Consider rewriting as tail-recursive. Depth=201 max=200",
        error);
  }

  @Test
  void anEndlessLoopIsStoppedByTheTimeout() {
    JsonataEngine bounded = bounded(Duration.ofMillis(200), 500);
    String expression = "(function($f){$f($f)})(function($f){$f($f)})";
    StatesError error = stopped(bounded, expression);
    assertCause(
        expression,
        "threw an error during evaluation. Expression evaluation timeout: Check for infinite loop",
        error);
  }

  @Test
  void aStepThatMultipliesArraysStopsBeforeItExhaustsMemory() {
    // The library flattens a step's results in one loop, out of reach of the timeout: this one
    // went on to collect a billion values.
    JsonataEngine bounded = bounded(Duration.ofSeconds(60), 500);
    String expression = "($x := [1..1000]; $x.$x.$x)";
    StatesError error =
        assertThrows(
            StatesError.class,
            () ->
                assertTimeoutPreemptively(
                    Duration.ofSeconds(20),
                    () ->
                        bounded.evaluate(expression, "Output/result", states("{}"), NO_VARIABLES)));
    assertCause(
        expression,
        "threw an error during evaluation. Expression evaluation made more than 100000000 values:"
            + " Check for a step that multiplies arrays, or a string that keeps doubling",
        error);
  }

  @Test
  void aRangeOfMoreThanAMillionItemsIsRefusedBeforeItsItemsAreMade() {
    // The library allows ten million and fills the array holding them in one step, out of reach
    // of the timeout: this one took over ten seconds before its operand was found to be no number.
    String expression = "[[1..10000000]..$states.input]";
    StatesError error =
        assertThrows(
            StatesError.class,
            () ->
                assertTimeoutPreemptively(
                    Duration.ofSeconds(2),
                    () -> engine.evaluate(expression, "Output/result", states("3"), NO_VARIABLES)));
    assertCause(
        expression,
        "threw an error during evaluation. D2014: The size of the sequence allocated by the range"
            + " operator (..) must not exceed 1000000. Attempted to allocate 10000000.",
        error);
  }

  @Test
  void aRangeOfAMillionItemsIsAllowed() {
    assertEquals(json("1000000"), eval("$count([1..1000000])", "{}"));
    assertEquals(json("500000500000"), eval("$sum([1..1000000])", "{}"));
  }

  @Test
  void aStringThatKeepsDoublingStopsBeforeItExhaustsMemory() {
    JsonataEngine bounded = bounded(Duration.ofSeconds(60), 500);
    String expression = "$reduce([1..40], function($a, $b){$a & $a}, 'x')";
    StatesError error = stopped(bounded, expression);
    assertCause(
        expression,
        "threw an error during evaluation. Expression evaluation made more than 100000000 values:"
            + " Check for a step that multiplies arrays, or a string that keeps doubling",
        error);
  }

  @Test
  void nowAndMillisReadTheInjectedClock() {
    Clock clock = Clock.fixed(Instant.parse("2024-01-02T03:04:05.678Z"), ZoneOffset.UTC);
    JsonataEngine fixed = new JsonataEngine(new Random(1), clock, Duration.ofSeconds(1), 100);
    assertEquals(
        json("[\"2024-01-02T03:04:05.678Z\",1704164645678]"),
        fixed.evaluate("[$now(), $millis()]", "Output", states("{}"), NO_VARIABLES));
  }

  @Test
  void cachedExpressionsKeepNoStateBetweenEvaluations() {
    assertEquals(json("1"), eval("$states.input.a", "{\"a\":1}"));
    assertEquals(json("2"), eval("$states.input.a", "{\"a\":2}"));
    assertNull(eval("$states.input.a", "{}"));
  }

  @Test
  void concurrentEvaluationsDoNotInterfere() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<JsonNode>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String input = "{\"v\":[" + i + "," + i + "]}";
        String expression = i % 2 == 0 ? "$sum($states.input.v)" : "$states.input.v[1] * 2";
        results.add(pool.submit(() -> eval(expression, input)));
      }
      for (int i = 0; i < 200; i++) {
        assertEquals(json(String.valueOf(2 * i)), results.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void limitsMustBePositive() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new JsonataEngine(new Random(1), Clock.systemUTC(), Duration.ZERO, 10));
    assertEquals("timeout must be positive: PT0S", e.getMessage());
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> new JsonataEngine(new Random(1), Clock.systemUTC(), Duration.ofSeconds(1), 0))
            .getMessage()
            .equals("maxDepth must be positive: 0"));
  }
}
