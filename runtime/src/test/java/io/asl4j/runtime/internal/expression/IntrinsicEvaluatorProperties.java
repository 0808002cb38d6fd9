package io.asl4j.runtime.internal.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.expression.IntrinsicCall;
import io.asl4j.dsl.expression.IntrinsicFunction;
import io.asl4j.runtime.StatesError;
import io.asl4j.runtime.internal.testing.JsonArbitraries;
import io.asl4j.runtime.internal.testing.TimeBound;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Every intrinsic function with random arguments of every type: a value or a {@code States.*} error
 * with a cause, never another exception, the same answer for the same seed, and no result past the
 * limits (1000 items from ArrayRange, 256 KiB of text). The calls are written from the grammar, so
 * every try evaluates one; broken calls have their own property: refused, located.
 */
class IntrinsicEvaluatorProperties {
  private static final Duration LIMIT = Duration.ofSeconds(5);
  private static final int PAYLOAD_LIMIT_BYTES = 256 * 1024;
  private static final Set<String> ERRORS =
      Set.of("States.Runtime", "States.IntrinsicFailure", "States.DataLimitExceeded");

  @Property
  void anIntrinsicCallGivesAValueOrAStatesErrorAndTheSameAnswerForTheSameSeed(
      @ForAll("calls") String text,
      @ForAll("inputs") JsonNode input,
      @ForAll("values") JsonNode variable,
      @ForAll long seed) {
    // given: a call the grammar wrote, so it parses (a parse failure fails the property)
    IntrinsicCall call = IntrinsicCall.parse(text);
    JsonNode before = input.deepCopy();

    // when
    Object first = outcome(call, input, variable, seed);
    Object second = outcome(call, input, variable, seed);

    // then
    assertEquals(first, second, "two evaluations of " + text + " with seed " + seed);
    assertEquals(before, input, "the input was changed by " + text);
    if (first instanceof JsonNode value && value.isTextual()) {
      assertTrue(
          value.textValue().getBytes(StandardCharsets.UTF_8).length <= PAYLOAD_LIMIT_BYTES,
          text + " made a string over the payload limit");
    }
    Statistics.label("function").collect(call.function().aslName());
    Statistics.label("nested call").collect(text.indexOf("States.", 1) > 0);
    Statistics.label("outcome")
        .collect(first instanceof ComparableError error ? error.error() : "value");
    Statistics.label("outcome")
        .coverage(
            coverage -> {
              // Measured over 1,000 tries: about 28 % values, 72 % States.Runtime.
              coverage.check("value").percentage(p -> p > 15);
              coverage.check("States.Runtime").percentage(p -> p > 40);
            });
    // Measured: about 12 % of the calls have a call as an argument. (The functions are labelled,
    // not checked: at 200 tries the rarest, at about 3 %, may be missed now and then.)
    Statistics.label("nested call")
        .coverage(coverage -> coverage.check(true).percentage(p -> p > 3));
  }

  /**
   * What the grammar cannot write — wrong argument counts, numbers no double holds, path functions,
   * broken strings, unknown names, cut-off or trailing text — is refused when the template holding
   * it is compiled, with the position of the fault, never with another exception.
   */
  @Property
  void anUnparseableIntrinsicCallIsRefusedWithItsPosition(
      @ForAll("unparseableCalls") Broken broken) {
    TemplateRefusals.assertRefusedWithItsPosition(broken.text(), broken.how(), LIMIT);
    Statistics.label("how")
        .coverage(
            coverage -> {
              for (String how : BREAKAGES) {
                coverage.check(how).percentage(p -> p > 2); // measured: 13 % to 33 % each
              }
            });
  }

  @Property
  void arrayRangeNeverMakesMoreThanAThousandItems(
      @ForAll("rangeNumbers") String start,
      @ForAll("rangeNumbers") String end,
      @ForAll("rangeNumbers") String step) {
    // given: numbers a double holds (1e999 is refused when the definition is read: see above)
    String text = "States.ArrayRange(" + start + ", " + end + ", " + step + ")";
    IntrinsicCall call = IntrinsicCall.parse(text);

    // when
    Object outcome = outcome(call, JsonNodeFactory.instance.objectNode(), null, 1);

    // then
    if (outcome instanceof JsonNode range) {
      assertTrue(
          range.isArray() && range.size() <= 1000, text + " gave " + range.size() + " items");
      Statistics.label("outcome").collect(range.size() <= 1 ? "0 or 1 item" : "items");
    } else {
      Statistics.label("outcome").collect("refused");
    }
    Statistics.label("outcome")
        .coverage(
            coverage -> {
              // Measured over 1,000 tries: 10 % ranges of 2 items or more, 44 % of 0 or 1, 46 %
              // refused.
              coverage.check("items").percentage(p -> p > 2);
              coverage.check("refused").percentage(p -> p > 25);
            });
  }

  @Property(tries = 50) // each try builds up to 60 MB of text if the limit does not hold
  void formattingAndStringifyingStayWithinThePayloadLimit(
      @ForAll @IntRange(min = 1, max = 240) int copies,
      @ForAll @IntRange(min = 0, max = 250_000) int length,
      @ForAll boolean stringify) {
    ObjectNode input = JsonNodeFactory.instance.objectNode().put("big", "é".repeat(length));
    String values = String.join(", ", java.util.Collections.nCopies(copies, "$.big"));
    String text =
        stringify
            ? "States.JsonToString(States.Array(" + values + "))"
            : "States.Format('" + "{}".repeat(copies) + "', " + values + ")";
    Object outcome = outcome(IntrinsicCall.parse(text), input, null, 1);
    // Each copy is 2 bytes a character; stringified, each is quoted and the array adds commas.
    long bytes =
        stringify ? 2 + copies * (2L * length + 2) + (copies - 1) : (long) copies * length * 2;
    if (bytes > PAYLOAD_LIMIT_BYTES) {
      StatesError error = assertErrorOutcome(outcome, text);
      assertEquals("States.DataLimitExceeded", error.error(), error.getMessage());
    } else {
      assertTrue(outcome instanceof JsonNode, text + " failed: " + outcome);
    }
  }

  /** The value, or the {@link StatesError} (checked), of one evaluation with a seeded evaluator. */
  private static Object outcome(IntrinsicCall call, JsonNode input, JsonNode variable, long seed) {
    Function<String, JsonNode> variables = name -> name.equals("var") ? variable : null;
    JsonNode context =
        JsonNodeFactory.instance
            .objectNode()
            .set("Execution", JsonNodeFactory.instance.objectNode().set("Input", input));
    return TimeBound.within(
        LIMIT,
        call.text(),
        () -> {
          try {
            JsonNode value =
                IntrinsicEvaluator.withRandom(new SplittableRandom(seed))
                    .evaluate(call, "value.$", input, context, variables);
            assertNotNull(value, call.text());
            return value;
          } catch (StatesError e) {
            assertTrue(ERRORS.contains(e.error()), call.text() + " failed with " + e.getMessage());
            assertNotNull(e.cause(), call.text() + " failed without a cause");
            return new ComparableError(e.error(), e.cause());
          } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail("evaluating '" + call.text() + "' threw " + e, e);
            return null;
          }
        });
  }

  private static StatesError assertErrorOutcome(Object outcome, String text) {
    assertTrue(outcome instanceof ComparableError, text + " gave a value");
    ComparableError error = (ComparableError) outcome;
    return new StatesError(error.error(), error.cause());
  }

  /** A failure's name and cause, compared by value. */
  private record ComparableError(String error, String cause) {}

  /**
   * A call written from the grammar: a known function, an argument count it takes, arguments that
   * parse.
   */
  @Provide
  Arbitrary<String> calls() {
    return call(2);
  }

  /** How an unparseable call was broken; each is about a fifth of the tries. */
  private static final List<String> BREAKAGES =
      List.of(
          "argument count",
          "bad last argument",
          "cut off",
          "text after the call",
          "nested too deep");

  /** A call the grammar would write, broken in one way, with the way it was broken. */
  record Broken(String text, String how) {}

  @Provide
  Arbitrary<Broken> unparseableCalls() {
    List<IntrinsicFunction> fixedArity =
        Arrays.stream(IntrinsicFunction.values())
            .filter(f -> !f.isVariadic() || f.minArguments() > 0)
            .toList();
    Arbitrary<Broken> argumentCount =
        Arbitraries.of(fixedArity)
            .flatMap(
                function -> {
                  List<Integer> wrong = new java.util.ArrayList<>();
                  if (function.minArguments() > 0) {
                    wrong.add(function.minArguments() - 1);
                  }
                  if (!function.isVariadic()) {
                    wrong.add(function.maxArguments() + 1);
                    wrong.add(function.maxArguments() + 2);
                  }
                  return Arbitraries.of(wrong)
                      .flatMap(n -> argument(1).list().ofSize(n))
                      .map(args -> new Broken(written(function, args), "argument count"));
                });
    Arbitrary<String> badArgument =
        Arbitraries.of(
            "1e999",
            "-1e999",
            "1".repeat(IntrinsicCall.MAX_NUMBER_LENGTH + 1),
            "1.2.3",
            "01x",
            "-",
            "$.items.length()",
            "$.a.keys()",
            "$[",
            "$['a'",
            "$.a[?(@.b ==",
            "'unclosed",
            "'bad \\x escape'",
            "\"double\"",
            "undefined",
            "True",
            "NaN",
            "#",
            "@",
            "States.Nope()",
            "States.format('x')",
            "Stats.Array()");
    Arbitrary<Broken> badLastArgument =
        Arbitraries.of(
                Arrays.stream(IntrinsicFunction.values())
                    .filter(f -> f.maxArguments() > 0)
                    .toList())
            .flatMap(
                function ->
                    Combinators.combine(
                            argument(1).list().ofSize(Math.max(1, function.minArguments()) - 1),
                            badArgument)
                        .as(
                            (args, bad) -> {
                              List<String> all = new java.util.ArrayList<>(args);
                              all.add(bad);
                              return new Broken(written(function, all), "bad last argument");
                            }));
    Arbitrary<Broken> cutOff =
        call(2)
            .flatMap(
                text ->
                    Arbitraries.integers()
                        .between(0, text.length() - 1)
                        .map(end -> new Broken(text.substring(0, end), "cut off")));
    Arbitrary<Broken> trailing =
        Combinators.combine(
                call(2), Arbitraries.of(")", ",1", "x", ".a", "$", "('a')", "States.UUID()"))
            .as((text, tail) -> new Broken(text + tail, "text after the call"));
    Arbitrary<Broken> tooDeep =
        Arbitraries.integers()
            .between(IntrinsicCall.MAX_NESTING + 1, IntrinsicCall.MAX_NESTING + 50)
            .map(n -> new Broken("States.Array(".repeat(n) + ")".repeat(n), "nested too deep"));
    return Arbitraries.oneOf(argumentCount, badLastArgument, cutOff, trailing, tooDeep);
  }

  @Provide
  Arbitrary<JsonNode> inputs() {
    return JsonArbitraries.objects(3);
  }

  @Provide
  Arbitrary<JsonNode> values() {
    return JsonArbitraries.values(2);
  }

  @Provide
  Arbitrary<String> rangeNumbers() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(-1100, 1100).map(String::valueOf),
        Arbitraries.integers().map(String::valueOf),
        Arbitraries.of(
            "0",
            "1",
            "-1",
            "0.5",
            "-0.5",
            "1.5",
            "2147483647",
            "-2147483648",
            "2147483648",
            "1e-999",
            "99999999999999999999999",
            "1e300",
            "-1e300"));
  }

  private static Arbitrary<String> call(int depth) {
    return Arbitraries.of(IntrinsicFunction.values())
        .flatMap(
            function -> {
              int min = function.minArguments();
              int most = (int) Math.min(function.maxArguments(), min + 3L);
              Arbitrary<Integer> count =
                  Arbitraries.frequencyOf(
                      Tuple.of(8, Arbitraries.just(min)),
                      Tuple.of(2, Arbitraries.integers().between(min, most)));
              return count.flatMap(
                  n -> argument(depth).list().ofSize(n).map(args -> written(function, args)));
            });
  }

  private static String written(IntrinsicFunction function, List<String> arguments) {
    return function.aslName() + "(" + String.join(", ", arguments) + ")";
  }

  private static Arbitrary<String> argument(int depth) {
    Arbitrary<String> strings =
        Arbitraries.strings()
            .withChars("ab{}, é$.")
            .ofMaxLength(10)
            .map(s -> "'" + s.replace("{}", "\\{\\}") + "'");
    Arbitrary<String> templates =
        Arbitraries.of("'{}'", "'{} and {}'", "'\\{}'", "'{}{}{}'", "'no placeholder'", "''");
    Arbitrary<String> escapes =
        Arbitraries.of(
            "'\\''", "'\\\\'", "'a\\{b'", "','", "'MD5'", "'SHA-512'", "'SHA-3'", "'YWJj'", "'=='");
    Arbitrary<String> numbers =
        Arbitraries.of(
            "0",
            "1",
            "2",
            "-1",
            "3",
            "1000",
            "-2147483648",
            "2147483647",
            "2147483648",
            "99999999999999999999",
            "0.5",
            "-1.5",
            "1.5",
            "2.4999",
            "1e2",
            "1e300",
            "-1e300",
            "1e-999");
    Arbitrary<String> literals = Arbitraries.of("true", "false", "null");
    Arbitrary<String> paths =
        Arbitraries.of(
            "$",
            "$.a",
            "$.b",
            "$.c",
            "$.n",
            "$.x",
            "$.id",
            "$.items",
            "$.items[0]",
            "$.a.b",
            "$.nosuch",
            "$$.Execution.Input",
            "$$.Execution.Input.a",
            "$var",
            "$var[0]",
            "$unset",
            "$.items[*]",
            "$..a",
            "$.items[-1:]",
            "$.items[?(@.a == 'x, y')]");
    Arbitrary<String> leaf =
        Arbitraries.frequencyOf(
            Tuple.of(2, strings),
            Tuple.of(2, templates),
            Tuple.of(1, escapes),
            Tuple.of(3, numbers),
            Tuple.of(1, literals),
            Tuple.of(4, paths));
    if (depth <= 0) {
      return leaf;
    }
    return Arbitraries.frequencyOf(
        Tuple.of(6, leaf), Tuple.of(1, Arbitraries.lazy(() -> call(depth - 1))));
  }
}
