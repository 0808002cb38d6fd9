package io.asl4j.runtime.internal.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.expression.ExpressionException;
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
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Every intrinsic function with random arguments of every type: a value or a {@code States.*}
 * error with a cause, never another exception, the same answer for the same seed, and no result
 * past the limits (1000 items from ArrayRange, 256 KiB of text).
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
    IntrinsicCall call;
    try {
      call = IntrinsicCall.parse(text);
    } catch (ExpressionException notACall) {
      return; // refused when the definition is read; IntrinsicCall's own tests cover these
    }
    JsonNode before = input.deepCopy();
    Object first = outcome(call, input, variable, seed);
    Object second = outcome(call, input, variable, seed);
    assertEquals(first, second, "two evaluations of " + text + " with seed " + seed);
    assertEquals(before, input, "the input was changed by " + text);
    if (first instanceof JsonNode value && value.isTextual()) {
      assertTrue(
          value.textValue().getBytes(StandardCharsets.UTF_8).length <= PAYLOAD_LIMIT_BYTES,
          text + " made a string over the payload limit");
    }
  }

  @Property
  void arrayRangeNeverMakesMoreThanAThousandItems(
      @ForAll("rangeNumbers") String start,
      @ForAll("rangeNumbers") String end,
      @ForAll("rangeNumbers") String step) {
    String text = "States.ArrayRange(" + start + ", " + end + ", " + step + ")";
    IntrinsicCall call;
    try {
      call = IntrinsicCall.parse(text);
    } catch (ExpressionException refused) {
      return; // a literal no double holds (1e999) is refused when the definition is read
    }
    Object outcome = outcome(call, JsonNodeFactory.instance.objectNode(), null, 1);
    if (outcome instanceof JsonNode range) {
      assertTrue(range.isArray() && range.size() <= 1000, text + " gave " + range.size() + " items");
    }
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
    JsonNode context = JsonNodeFactory.instance.objectNode().set("Execution", JsonNodeFactory.instance.objectNode().set("Input", input));
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

  @Provide
  Arbitrary<String> calls() {
    return call(2);
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
            "0", "1", "-1", "0.5", "-0.5", "1.5", "2147483647", "-2147483648", "2147483648",
            "1e999", "-1e999", "1e-999", "99999999999999999999999"));
  }

  private static Arbitrary<String> call(int depth) {
    List<IntrinsicFunction> functions = Arrays.asList(IntrinsicFunction.values());
    return Arbitraries.of(functions)
        .flatMap(
            function -> {
              int min = minArguments(function);
              Arbitrary<Integer> count =
                  Arbitraries.frequencyOf(
                      Tuple.of(8, Arbitraries.just(min)),
                      Tuple.of(2, Arbitraries.integers().between(0, min + 3)));
              return count.flatMap(
                  n ->
                      argument(depth)
                          .list()
                          .ofSize(n)
                          .map(args -> function.aslName() + "(" + String.join(", ", args) + ")"));
            });
  }

  private static int minArguments(IntrinsicFunction function) {
    switch (function) {
      case ARRAY:
      case UUID:
        return 0;
      case ARRAY_PARTITION:
      case ARRAY_CONTAINS:
      case ARRAY_GET_ITEM:
      case HASH:
      case MATH_ADD:
      case MATH_RANDOM:
      case STRING_SPLIT:
        return 2;
      case ARRAY_RANGE:
      case JSON_MERGE:
        return 3;
      default:
        return 1;
    }
  }

  private static Arbitrary<String> argument(int depth) {
    Arbitrary<String> strings =
        Arbitraries.strings()
            .withChars("ab{}, é$.")
            .ofMaxLength(10)
            .map(s -> "'" + s.replace("{}", "\\{\\}") + "'");
    Arbitrary<String> templates =
        Arbitraries.of("'{}'", "'{} and {}'", "'\\{}'", "'{}{}{}'", "'no placeholder'", "''");
    Arbitrary<String> escapes = Arbitraries.of("'\\''", "'\\\\'", "'a\\{b'", "','", "'MD5'", "'SHA-512'", "'SHA-3'", "'YWJj'", "'=='");
    Arbitrary<String> numbers =
        Arbitraries.of(
            "0", "1", "2", "-1", "3", "1000", "-2147483648", "2147483647", "2147483648",
            "99999999999999999999", "0.5", "-1.5", "1.5", "2.4999", "1e2", "1e999", "-1e999", "1e-999");
    Arbitrary<String> literals = Arbitraries.of("true", "false", "null");
    Arbitrary<String> paths =
        Arbitraries.of(
            "$", "$.a", "$.b", "$.c", "$.n", "$.x", "$.id", "$.items", "$.items[0]", "$.a.b",
            "$.nosuch", "$$.Execution.Input", "$$.Execution.Input.a", "$var", "$var[0]", "$unset",
            "$.items[*]", "$..a", "$.items.length()");
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
