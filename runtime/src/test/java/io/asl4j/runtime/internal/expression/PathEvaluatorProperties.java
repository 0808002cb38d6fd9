package io.asl4j.runtime.internal.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.expression.AslPath;
import io.asl4j.dsl.expression.AslPath.Root;
import io.asl4j.runtime.StatesError;
import io.asl4j.runtime.internal.testing.JsonArbitraries;
import io.asl4j.runtime.internal.testing.PathArbitraries;
import io.asl4j.runtime.internal.testing.TimeBound;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Paths of every kind on random JSON: a value or a {@code States.Runtime} error naming the path,
 * never another exception, in bounded time, and never a change to the document. The paths are
 * written from the grammar, so every try evaluates one; broken paths have their own property.
 */
class PathEvaluatorProperties {
  private static final Duration LIMIT = Duration.ofSeconds(5);
  // The least share of tries that must end with a value, and with an error; set well below what
  // was measured (see the report of a run with -Djqwik.reporting.onlyfailures=false).
  private static final double VALUE_PERCENT = 20;
  private static final double ERROR_PERCENT = 5;

  @Property
  void aPathGivesAValueOrAStatesRuntimeErrorNamingItAndLeavesTheDocumentsAlone(
      @ForAll("paths") String text,
      @ForAll("documents") JsonNode input,
      @ForAll("documents") JsonNode context,
      @ForAll("documents") JsonNode variable) {
    // given: a path the grammar wrote, so it parses (a parse failure fails the property)
    AslPath path = AslPath.parse(text);
    JsonNode inputBefore = input.deepCopy();
    JsonNode contextBefore = context.deepCopy();
    JsonNode variableBefore = variable.deepCopy();
    Function<String, JsonNode> variables = name -> name.equals("var") ? variable : null;

    // when
    String outcome =
        TimeBound.within(
            LIMIT,
            text,
            () -> {
              try {
                JsonNode value = PathEvaluator.evaluate(path, input, context, variables);
                assertTrue(value != null, "a found value is never Java null");
                return "value";
              } catch (StatesError e) {
                assertEquals("States.Runtime", e.error(), e.getMessage());
                assertTrue(e.cause().startsWith("Invalid path '" + text + "' : "), e.cause());
                return "States.Runtime";
              } catch (RuntimeException | StackOverflowError e) {
                return fail("evaluating '" + text + "' threw " + e, e);
              }
            });

    // then
    assertEquals(inputBefore, input, "the input was changed by " + text);
    assertEquals(contextBefore, context, "the context object was changed by " + text);
    assertEquals(variableBefore, variable, "the variable was changed by " + text);
    Statistics.label("outcome").collect(outcome);
    Statistics.label("path").collect(path.isReferencePath() ? "reference path" : "other path");
    Statistics.label("root").collect(path.root());
    Statistics.label("outcome")
        .coverage(
            coverage -> {
              coverage.check("value").percentage(p -> p > VALUE_PERCENT);
              coverage.check("States.Runtime").percentage(p -> p > ERROR_PERCENT);
            });
    Statistics.label("path")
        .coverage(
            coverage -> {
              coverage.check("reference path").percentage(p -> p > 5);
              coverage.check("other path").percentage(p -> p > 30);
            });
    Statistics.label("root")
        // measured: $ 59 %, $var 31 %, $$ 10 %
        .coverage(
            coverage ->
                Arrays.stream(Root.values())
                    .forEach(root -> coverage.check(root).percentage(p -> p > 1)));
  }

  /**
   * A path the grammar cannot write is refused when the template holding it is compiled, with the
   * position of the fault: never accepted, never another exception.
   */
  @Property
  void aBrokenPathIsRefusedWithItsPosition(@ForAll("brokenPaths") PathArbitraries.Broken broken) {
    TemplateRefusals.assertRefusedWithItsPosition(broken.text(), broken.how(), LIMIT);
    Statistics.label("how")
        .coverage(
            // measured: 9 % to 25 % each
            coverage ->
                PathArbitraries.BREAKAGES.forEach(
                    how -> coverage.check(how).percentage(p -> p > 1)));
  }

  @Property
  void aPathInATemplateGivesAValueOrAStatesRuntimeErrorNamingTheField(
      @ForAll("inputPaths") String text, @ForAll("documents") JsonNode input) {
    // given: a path the grammar wrote, so the template compiles
    ObjectNode template = JsonNodeFactory.instance.objectNode().put("value.$", text);
    PayloadTemplate compiled = PayloadTemplate.compile(template);
    JsonNode before = input.deepCopy();

    // when
    String outcome =
        TimeBound.within(
            LIMIT,
            text,
            () -> {
              try {
                JsonNode result =
                    compiled.evaluate(input, null, name -> null, IntrinsicEvaluator.standard());
                assertEquals(1, result.size(), result.toString());
                return "value";
              } catch (StatesError e) {
                assertEquals("States.Runtime", e.error(), e.getMessage());
                assertTrue(
                    e.cause()
                        .startsWith(
                            "The JSONPath '" + text + "' specified for the field 'value.$'"),
                    e.cause());
                return "States.Runtime";
              }
            });

    // then
    assertEquals(before, input, "the input was changed by " + text);
    Statistics.label("outcome").collect(outcome);
    Statistics.label("outcome")
        .coverage(
            coverage -> {
              coverage.check("value").percentage(p -> p > VALUE_PERCENT);
              coverage.check("States.Runtime").percentage(p -> p > ERROR_PERCENT);
            });
  }

  @Property
  void aResultPathPlacesTheResultWhereTheSamePathFindsItOrFailsWithResultPathMatchFailure(
      @ForAll("referencePaths") String text,
      @ForAll("documents") JsonNode input,
      @ForAll("documents") JsonNode result) {
    // given: a Reference Path the grammar wrote, so it parses
    AslPath path = AslPath.parse(text);
    JsonNode inputBefore = input.deepCopy();
    JsonNode resultBefore = result.deepCopy();

    // when, then
    try {
      JsonNode merged = ResultPaths.merge(input, path, result);
      assertEquals(result, PathEvaluator.evaluate(path, merged, null, name -> null));
      Statistics.label("outcome").collect("placed");
    } catch (StatesError e) {
      assertEquals("States.ResultPathMatchFailure", e.error(), e.getMessage());
      assertTrue(
          e.cause().startsWith("Unable to apply ResultPath '" + text + "' to input '"), e.cause());
      Statistics.label("outcome").collect("States.ResultPathMatchFailure");
    }
    assertEquals(inputBefore, input, "the input was changed by " + text);
    assertEquals(resultBefore, result, "the result was changed by " + text);
    Statistics.label("outcome")
        .coverage(
            coverage -> {
              coverage.check("placed").percentage(p -> p > 10);
              coverage.check("States.ResultPathMatchFailure").percentage(p -> p > 10);
            });
  }

  @Provide
  Arbitrary<String> paths() {
    return PathArbitraries.paths();
  }

  @Provide
  Arbitrary<PathArbitraries.Broken> brokenPaths() {
    return PathArbitraries.brokenPaths();
  }

  @Provide
  Arbitrary<String> inputPaths() {
    return PathArbitraries.inputPaths();
  }

  @Provide
  Arbitrary<String> referencePaths() {
    return PathArbitraries.referencePaths();
  }

  @Provide
  Arbitrary<JsonNode> documents() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(9, JsonArbitraries.values(4)),
        net.jqwik.api.Tuple.of(1, JsonArbitraries.deepDocuments()));
  }
}
