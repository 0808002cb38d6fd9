package io.asl4j.runtime.internal.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.expression.AslPath;
import io.asl4j.dsl.expression.ExpressionException;
import io.asl4j.runtime.StatesError;
import io.asl4j.runtime.internal.testing.JsonArbitraries;
import io.asl4j.runtime.internal.testing.PathArbitraries;
import io.asl4j.runtime.internal.testing.TimeBound;
import java.time.Duration;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Paths of every kind on random JSON: a value or a {@code States.Runtime} error naming the path,
 * never another exception, in bounded time, and never a change to the document.
 */
class PathEvaluatorProperties {
  private static final Duration LIMIT = Duration.ofSeconds(5);

  @Property
  void aPathGivesAValueOrAStatesRuntimeErrorNamingItAndLeavesTheDocumentsAlone(
      @ForAll("paths") String text,
      @ForAll("documents") JsonNode input,
      @ForAll("documents") JsonNode context,
      @ForAll("documents") JsonNode variable) {
    AslPath path;
    try {
      path = AslPath.parse(text);
    } catch (ExpressionException notAPath) {
      return; // AslPath's own tests cover what is refused, and how
    }
    JsonNode inputBefore = input.deepCopy();
    JsonNode contextBefore = context.deepCopy();
    JsonNode variableBefore = variable.deepCopy();
    Function<String, JsonNode> variables = name -> name.equals("var") ? variable : null;
    TimeBound.within(
            LIMIT,
            text,
            () -> {
              try {
                JsonNode value = PathEvaluator.evaluate(path, input, context, variables);
                assertTrue(value != null, "a found value is never Java null");
                return null;
              } catch (StatesError e) {
                assertEquals("States.Runtime", e.error(), e.getMessage());
                assertTrue(
                    e.cause().startsWith("Invalid path '" + text + "' : "), e.cause());
                return null;
              } catch (RuntimeException | StackOverflowError e) {
                fail("evaluating '" + text + "' threw " + e, e);
                return null;
              }
            });
    assertEquals(inputBefore, input, "the input was changed by " + text);
    assertEquals(contextBefore, context, "the context object was changed by " + text);
    assertEquals(variableBefore, variable, "the variable was changed by " + text);
  }

  @Property
  void aPathInATemplateGivesAValueOrAStatesRuntimeErrorNamingTheField(
      @ForAll("inputPaths") String text, @ForAll("documents") JsonNode input) {
    ObjectNode template = JsonNodeFactory.instance.objectNode().put("value.$", text);
    PayloadTemplate compiled;
    try {
      compiled = PayloadTemplate.compile(template);
    } catch (ExpressionException notAPath) {
      return;
    }
    JsonNode before = input.deepCopy();
    TimeBound.within(
        LIMIT,
        text,
        () -> {
          try {
            JsonNode result =
                compiled.evaluate(input, null, name -> null, IntrinsicEvaluator.standard());
            assertEquals(1, result.size(), result.toString());
          } catch (StatesError e) {
            assertEquals("States.Runtime", e.error(), e.getMessage());
            assertTrue(
                e.cause().startsWith("The JSONPath '" + text + "' specified for the field 'value.$'"),
                e.cause());
          }
          return null;
        });
    assertEquals(before, input, "the input was changed by " + text);
  }

  @Property
  void aResultPathPlacesTheResultWhereTheSamePathFindsItOrFailsWithResultPathMatchFailure(
      @ForAll("referencePaths") String text,
      @ForAll("documents") JsonNode input,
      @ForAll("documents") JsonNode result) {
    AslPath path;
    try {
      path = AslPath.parse(text);
    } catch (ExpressionException notAPath) {
      return; // the validator refuses the definition: AslPath's own tests cover these
    }
    JsonNode inputBefore = input.deepCopy();
    JsonNode resultBefore = result.deepCopy();
    try {
      JsonNode merged = ResultPaths.merge(input, path, result);
      assertEquals(result, PathEvaluator.evaluate(path, merged, null, name -> null));
    } catch (StatesError e) {
      assertEquals("States.ResultPathMatchFailure", e.error(), e.getMessage());
      assertTrue(e.cause().startsWith("Unable to apply ResultPath '" + text + "' to input '"), e.cause());
    }
    assertEquals(inputBefore, input, "the input was changed by " + text);
    assertEquals(resultBefore, result, "the result was changed by " + text);
  }

  @Provide
  Arbitrary<String> paths() {
    return PathArbitraries.paths();
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
