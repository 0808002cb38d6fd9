package io.asl4j.runtime.internal.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.expression.AslPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the {@code Assign} of each top-level JSONPath Pass state in the recorded histories of
 * {@code pure/assign} and compares with the {@code assignedVariables} AWS recorded when the state
 * exited. The state's input and the variables assigned before it come from the history, so only the
 * payload template, its Paths and its intrinsic calls are under test ({@code $} is the Pass state's
 * result: {@code Result}, else the input after InputPath and Parameters).
 */
class RecordedAssignmentsTest {

  @TestFactory
  Stream<DynamicTest> passStateAssignmentsGiveTheRecordedVariables() {
    if (ConformanceCorpus.root().isEmpty()) {
      return ConformanceCorpus.skipped();
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (var file : ConformanceCorpus.pureCases("assign")) {
      JsonNode testCase = ConformanceCorpus.read(file);
      if (!testCase.has("history")
          || testCase.path("queryLanguages").size() != 1
          || !testCase.path("queryLanguages").get(0).asText().equals("JSONPath")) {
        continue;
      }
      Map<String, JsonNode> variables = new HashMap<>();
      Map<String, JsonNode> lastInput = new HashMap<>();
      for (JsonNode event : testCase.get("history")) {
        JsonNode entered = event.get("stateEnteredEventDetails");
        if (entered != null) {
          lastInput.put(entered.get("name").asText(), entered.get("input"));
        }
        JsonNode exited = event.get("stateExitedEventDetails");
        if (exited == null || !exited.has("assignedVariables")) {
          continue;
        }
        String name = exited.get("name").asText();
        JsonNode state = testCase.get("definition").get("States").get(name);
        Map<String, JsonNode> before = Map.copyOf(variables);
        JsonNode recorded = exited.get("assignedVariables");
        recorded.properties().forEach(v -> variables.put(v.getKey(), parse(v.getValue())));
        if (state == null || !state.path("Type").asText().equals("Pass") || !state.has("Assign")) {
          continue;
        }
        JsonNode input = lastInput.get(name);
        tests.add(
            dynamicTest(
                testCase.get("id").asText() + " " + name,
                () -> assertAssignment(testCase, state, name, input, before, recorded)));
      }
    }
    return tests.stream();
  }

  private static void assertAssignment(
      JsonNode testCase,
      JsonNode state,
      String name,
      JsonNode input,
      Map<String, JsonNode> variables,
      JsonNode recorded) {
    JsonNode context = PassChain.context(testCase.get("input"), name);
    IntrinsicEvaluator intrinsics = IntrinsicEvaluator.withRandom(new SplittableRandom(1));
    JsonNode effective = input;
    if (state.has("InputPath")) {
      effective =
          state.get("InputPath").isNull()
              ? ConformanceCorpus.MAPPER.createObjectNode()
              : PathEvaluator.evaluate(
                  AslPath.parse(state.get("InputPath").asText()), input, context, variables::get);
    }
    if (state.has("Parameters")) {
      effective =
          PayloadTemplate.compile(state.get("Parameters"))
              .evaluate(effective, context, variables::get, intrinsics);
    }
    JsonNode result = state.has("Result") ? state.get("Result") : effective;

    JsonNode assigned =
        PayloadTemplate.compile(state.get("Assign"))
            .evaluate(result, context, variables::get, intrinsics);

    assertEquals(recorded.size(), assigned.size(), () -> "assigned " + assigned);
    recorded
        .properties()
        .forEach(
            v ->
                assertTrue(
                    RedactedJson.matches(
                        parse(v.getValue()), assigned.get(v.getKey()), Set.of("date")),
                    () ->
                        "$"
                            + v.getKey()
                            + ": expected "
                            + parse(v.getValue())
                            + " but was "
                            + assigned.get(v.getKey())));
  }

  /** History stores a variable as JSON text, unless the text started with '{' (then parsed). */
  private static JsonNode parse(JsonNode recorded) {
    if (!recorded.isTextual()) {
      return recorded;
    }
    try {
      return ConformanceCorpus.MAPPER.readTree(recorded.asText());
    } catch (JsonProcessingException e) {
      return recorded; // a redaction token broke the JSON; compare the text as a pattern
    }
  }
}
