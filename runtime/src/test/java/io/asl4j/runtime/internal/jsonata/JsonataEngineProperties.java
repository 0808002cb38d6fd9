package io.asl4j.runtime.internal.jsonata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.runtime.StatesError;
import io.asl4j.runtime.internal.testing.JsonArbitraries;
import io.asl4j.runtime.internal.testing.TimeBound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * JSONata expressions from a grammar (arithmetic, paths, every built-in function, lambdas,
 * recursion, huge ranges and strings, regular expressions, {@code $eval}) on random inputs: a value
 * or {@code States.QueryEvaluationError}, never another exception, within the engine's time and
 * depth bounds, and the same answer from two engines seeded alike.
 */
class JsonataEngineProperties {
  /** The engine's own bound: short, so that runaway tries cost little. */
  private static final Duration TIMEOUT = Duration.ofMillis(500);

  private static final int MAX_DEPTH = 200;

  /**
   * The wall-clock bound of one evaluation: the engine's timeout, plus the time one built-in
   * function may take between two of the engine's checks, plus slack for a busy machine.
   */
  private static final Duration LIMIT = Duration.ofSeconds(10);

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-02-29T12:00:00Z"), ZoneOffset.UTC);

  private static final List<String> FUNCTIONS_1 =
      List.of(
          "string",
          "length",
          "uppercase",
          "lowercase",
          "trim",
          "number",
          "abs",
          "floor",
          "ceil",
          "round",
          "sqrt",
          "boolean",
          "not",
          "exists",
          "count",
          "sum",
          "max",
          "min",
          "average",
          "reverse",
          "shuffle",
          "distinct",
          "keys",
          "spread",
          "merge",
          "type",
          "base64encode",
          "base64decode",
          "encodeUrlComponent",
          "encodeUrl",
          "decodeUrlComponent",
          "decodeUrl",
          "fromMillis",
          "toMillis",
          "random",
          "parse",
          "single",
          "sort",
          "eval",
          "error",
          "string",
          "formatInteger",
          "parseInteger");

  private static final List<String> FUNCTIONS_2 =
      List.of(
          "substring",
          "substringBefore",
          "substringAfter",
          "pad",
          "contains",
          "split",
          "join",
          "match",
          "power",
          "formatNumber",
          "formatBase",
          "formatInteger",
          "parseInteger",
          "fromMillis",
          "toMillis",
          "append",
          "zip",
          "lookup",
          "assert",
          "partition",
          "hash",
          "round",
          "now",
          "sort",
          "eval",
          "each",
          "sift",
          "map",
          "filter",
          "string");

  private static final List<String> FUNCTIONS_3 =
      List.of(
          "substring",
          "pad",
          "replace",
          "split",
          "match",
          "reduce",
          "range",
          "fromMillis",
          "formatNumber");

  @Property
  void anExpressionGivesAValueOrAQueryEvaluationErrorWithinItsBounds(
      @ForAll("expressions") String expression,
      @ForAll("inputs") JsonNode input,
      @ForAll("values") JsonNode variable,
      @ForAll long seed) {
    JsonNode before = input.deepCopy();
    Object first = outcome(expression, input, variable, seed);
    Object second = outcome(expression, input, variable, seed);
    // A timeout may end one of two identical runs and not the other; anything else must agree.
    boolean timedOut = isTimeout(first) || isTimeout(second);
    if (!timedOut) {
      assertEquals(first, second, "two evaluations of " + expression + " with seed " + seed);
    }
    assertEquals(before, input, "the input was changed by " + expression);
    Statistics.label("outcome")
        .collect(
            timedOut
                ? "timeout"
                : first instanceof Failure ? "States.QueryEvaluationError" : "value");
    // Both answers are exercised; a timeout, which skips the comparison, stays rare.
    Statistics.label("outcome")
        .coverage(
            coverage -> {
              coverage.check("value").percentage(p -> p > 15); // measured: 40 %
              coverage.check("States.QueryEvaluationError").percentage(p -> p > 20); // 59 %
              coverage.check("timeout").percentage(p -> p < 10); // 1 %
            });
  }

  @Property(tries = 50)
  void evalIsRefusedWhateverItIsGiven(@ForAll("expressions") String argument) {
    String expression = "$eval(" + argument + ")";
    JsonNode input = JsonNodeFactory.instance.objectNode();
    Object outcome = outcome(expression, input, null, 1);
    assertTrue(outcome instanceof Failure, expression + " gave " + outcome);
    // Arguments are evaluated before the call, so an argument that fails fails the call first;
    // an argument near the time bound may end either run by the timeout, and not the other.
    if (!isTimeout(outcome) && !(outcome(argument, input, null, 1) instanceof Failure)) {
      assertTrue(
          ((Failure) outcome)
              .cause()
              .endsWith(
                  "threw an error during evaluation. T1006: Attempted to invoke a non-function"),
          ((Failure) outcome).cause());
    }
  }

  @Property(tries = 30) // a try may run until the engine's 500 ms timeout
  void aRunawayExpressionIsStoppedByABoundWithItsOwnWords(
      @ForAll("runawaysOnly") String expression) {
    Object outcome = outcome(expression, JsonNodeFactory.instance.objectNode(), null, 1);
    assertTrue(outcome instanceof Failure, expression + " gave " + outcome);
    String cause = ((Failure) outcome).cause();
    assertTrue(
        BOUNDS.stream().anyMatch(cause::contains),
        expression + " was not stopped by a bound: " + cause);
  }

  /** What each bound says when it stops an evaluation. */
  private static final List<String> BOUNDS =
      List.of(
          "Expression evaluation timeout: Check for infinite loop",
          "Stack overflow error: Check for non-terminating recursive function",
          "Expression evaluation made more than 100000000 values",
          "D2014: The size of the sequence allocated by the range operator",
          "$pad would create a string of",
          "asks for a width of");

  @Provide
  Arbitrary<String> runawaysOnly() {
    return Arbitraries.of(
        "($f := function($n){$f($n)}; $f(1))",
        "($f := function($n){$n + $f($n)}; $f(1))",
        "($f := function($n){[$f($n), $f($n)]}; $f(1))",
        "($g := function($n){$h($n)}; $h := function($n){$g($n)}; $g(1))",
        "(function($f){$f($f)})(function($f){$f($f)})",
        "($x := [1..1000]; $x.$x.$x)",
        "$count([1..1000].[1..10000000])",
        "$reduce([1..40], function($a, $b){$a & $a}, 'x')",
        "$join($map([1..10000000], function($v){'abcdefghij'}))",
        "[1..100000000]",
        "$pad('x', 100000000)",
        "$fromMillis(0, '[Y,1000000]')");
  }

  /** The value (or "undefined"), or the failure, of one evaluation, with its invariants checked. */
  private static Object outcome(String expression, JsonNode input, JsonNode variable, long seed) {
    JsonataEngine engine = new JsonataEngine(new SplittableRandom(seed), CLOCK, TIMEOUT, MAX_DEPTH);
    ObjectNode states = JsonNodeFactory.instance.objectNode();
    states.set("input", input);
    states.putObject("context").putObject("Execution").set("Input", input);
    Function<String, JsonNode> variables = name -> name.equals("v") ? variable : null;
    return TimeBound.within(
        LIMIT,
        expression,
        () -> {
          try {
            JsonNode value = engine.evaluate(expression, "Output", states, variables);
            return value == null ? "undefined" : value;
          } catch (StatesError e) {
            assertEquals("States.QueryEvaluationError", e.error(), e.getMessage());
            assertTrue(
                e.cause()
                    .startsWith(
                        "The JSONata expression '"
                            + expression
                            + "' specified for the field 'Output' "),
                e.cause());
            return new Failure(e.cause());
          } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail("evaluating '" + expression + "' threw " + e, e);
            return null;
          }
        });
  }

  private static boolean isTimeout(Object outcome) {
    return outcome instanceof Failure failure
        && failure.cause().contains("Expression evaluation timeout");
  }

  /** A failure's cause, compared by value. */
  private record Failure(String cause) {}

  @Provide
  Arbitrary<JsonNode> inputs() {
    return JsonArbitraries.objects(3);
  }

  @Provide
  Arbitrary<JsonNode> values() {
    return JsonArbitraries.values(2);
  }

  @Provide
  Arbitrary<String> expressions() {
    return expression(3);
  }

  private static Arbitrary<String> expression(int depth) {
    if (depth <= 0) {
      return leaf();
    }
    Arbitrary<String> sub = Arbitraries.lazy(() -> expression(depth - 1));
    return Arbitraries.frequencyOf(
        Tuple.of(4, leaf()),
        Tuple.of(3, call(sub)),
        Tuple.of(
            2,
            Combinators.combine(sub, Arbitraries.of(OPERATORS), sub)
                .as((a, op, b) -> a + " " + op + " " + b)),
        Tuple.of(1, sub.map(e -> "-" + e)),
        Tuple.of(1, Combinators.combine(sub, sub, sub).as((c, a, b) -> c + " ? " + a + " : " + b)),
        Tuple.of(1, Combinators.combine(sub, sub).as((a, b) -> "[" + a + ", " + b + "]")),
        Tuple.of(1, Combinators.combine(sub, sub).as((a, b) -> "[" + a + ".." + b + "]")),
        Tuple.of(1, Combinators.combine(sub, sub).as((k, v) -> "{" + k + ": " + v + "}")),
        Tuple.of(1, Combinators.combine(sub, sub).as((a, b) -> "($x := " + a + "; " + b + ")")),
        Tuple.of(1, Combinators.combine(sub, sub).as((a, b) -> a + "[" + b + "]")),
        Tuple.of(1, Combinators.combine(sub, sub).as((a, b) -> a + ".(" + b + ")")),
        Tuple.of(1, sub.map(body -> "(function($x, $y){" + body + "})(1, 'a')")),
        Tuple.of(
            1, Combinators.combine(sub, sub).as((a, b) -> a + " ~> $map(function($x){" + b + "})")),
        Tuple.of(2, runaways()));
  }

  private static final List<String> OPERATORS =
      List.of("+", "-", "*", "/", "%", "=", "!=", "<", "<=", ">", ">=", "and", "or", "&", "in");

  private static Arbitrary<String> call(Arbitrary<String> argument) {
    Arbitrary<String> one =
        Combinators.combine(Arbitraries.of(FUNCTIONS_1), argument)
            .as((f, a) -> "$" + f + "(" + a + ")");
    Arbitrary<String> two =
        Combinators.combine(Arbitraries.of(FUNCTIONS_2), argument, argument)
            .as((f, a, b) -> "$" + f + "(" + a + ", " + b + ")");
    Arbitrary<String> three =
        Combinators.combine(Arbitraries.of(FUNCTIONS_3), argument, argument, argument)
            .as((f, a, b, c) -> "$" + f + "(" + a + ", " + b + ", " + c + ")");
    return Arbitraries.oneOf(one, two, three);
  }

  private static Arbitrary<String> leaf() {
    Arbitrary<String> numbers =
        Arbitraries.of(
            "0",
            "1",
            "-1",
            "2.5",
            "3",
            "10",
            "100000",
            "1e7",
            "100000000",
            "-1e9",
            "1e308",
            "1e-320",
            "9007199254740993",
            "1e21",
            "0.1");
    Arbitrary<String> strings =
        Arbitraries.of(
            "'a'",
            "\"b\"",
            "''",
            "'é'",
            "'\uD83D\uDE00'",
            "'a,b,,c'",
            "'{\"a\": [1, 2]}'",
            "'[1'",
            "'2024-01-01T00:00:00Z'",
            "'[Y0001]-[M01]'",
            "'[Y,9999999]'",
            "'#,##0.00'",
            "'000'",
            "'w'",
            "'I'",
            "'one hundred'",
            "'SHA-256'",
            "'MD5'",
            "'x'",
            "'%E0%A4%A'",
            "'YWJj'",
            "'$states'",
            "'1 + 1'");
    Arbitrary<String> paths =
        Arbitraries.of(
            "$states.input",
            "$states.input.a",
            "$states.input.b.c",
            "$states.input.items",
            "$states.input.items[0]",
            "$states.input.*",
            "$states.input.**",
            "$states.input.n",
            "$states.input.x",
            "$states.context.Execution.Input",
            "$states",
            "$v",
            "$v[0]",
            "$v.a",
            "$undefinedVariable",
            "$",
            "$$",
            "a",
            "$states.input.items[-1]",
            "$states.input.a.b[0..1]");
    Arbitrary<String> regexes =
        Arbitraries.of("/a/", "/(a+)+b/", "/[a-z]*/i", "/^$/", "/(?<x>a)/", "/\\d+/", "/.*/");
    Arbitrary<String> functions =
        Arbitraries.of(
            "function($x){$x}",
            "function($x, $y){$x & $y}",
            "function($a, $b){$a > $b}",
            "$uppercase",
            "$string",
            "$now",
            "$random",
            "$uuid",
            "$millis");
    Arbitrary<String> constants =
        Arbitraries.of(
            "true",
            "false",
            "null",
            "[]",
            "{}",
            "[1, 2, 3]",
            "$uuid()",
            "$random()",
            "$now()",
            "$millis()");
    return Arbitraries.frequencyOf(
        Tuple.of(3, numbers),
        Tuple.of(3, strings),
        Tuple.of(4, paths),
        Tuple.of(1, regexes),
        Tuple.of(1, functions),
        Tuple.of(2, constants));
  }

  /** Expressions written to exhaust time, memory or the stack. */
  private static Arbitrary<String> runaways() {
    Arbitrary<Integer> size =
        Arbitraries.of(
            10,
            1_000,
            100_000,
            1_000_000,
            10_000_000,
            100_000_000,
            1_000_000_000,
            Integer.MAX_VALUE);
    return Arbitraries.oneOf(
        Arbitraries.of(
            "($f := function($n){$f($n)}; $f(1))",
            "($f := function($n){$n + $f($n)}; $f(1))",
            "($f := function($n){[$f($n), $f($n)]}; $f(1))",
            "($g := function($n){$h($n)}; $h := function($n){$g($n)}; $g(1))",
            "($x := [1..1000]; $x.$x.$x)",
            "$sort([1..300000], function($a, $b){$a > $b})",
            "$reduce([1..1000000], function($a, $b){$a & $b})",
            "$match($pad('', 30, 'a') & '!', /(a+)+b/)",
            "$replace($pad('', 30, 'a') & '!', /(a|a)*b/, 'x')",
            "$count([1..1000].[1..10000000])",
            "$reduce([1..40], function($a, $b){$a & $a}, 'x')",
            "$spread([1..1000].{'k': [1..10000]})",
            "$eval('$eval')"),
        size.map(n -> "($f := function($n){$n <= 0 ? 0 : 1 + $f($n - 1)}; $f(" + n + "))"),
        size.map(n -> "[1.." + n + "]"),
        size.map(n -> "$count([1.." + n + "])"),
        size.map(n -> "$pad('x', " + n + ")"),
        size.map(n -> "$pad('x', -" + n + ", 'ab')"),
        size.map(n -> "$length($pad('', " + n + ", '\uD83D\uDE00'))"),
        size.map(n -> "$join($map([1.." + n + "], function($v){'abcdefghij'}))"),
        size.map(n -> "$fromMillis(0, '[Y," + n + "]')"),
        size.map(n -> "$fromMillis(0, '[M," + n + "-" + n + "]')"),
        size.map(n -> "$now('[H01,*-" + n + "]')"),
        size.map(n -> "$formatInteger(" + n + ", '" + "0".repeat(Math.min(n, 5000)) + "')"),
        size.map(n -> "$formatNumber(" + n + ", '" + "#".repeat(Math.min(n, 5000)) + "0')"),
        size.map(n -> "$range(0, " + n + ", 1)"),
        size.map(n -> "$partition([1.." + Math.min(n, 10_000_000) + "], 1)"),
        size.map(n -> "$formatBase(" + n + ", 2)"),
        size.map(n -> "$substring('abc', " + n + ", " + n + ")"),
        size.map(n -> "$toMillis('2024', '[Y" + n + "]')"));
  }
}
