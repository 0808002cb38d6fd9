package io.asl4j.runtime.internal.expression;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the JSONPath input/output processing of single Pass and mocked Task states recorded
 * through the TestState API, whose DEBUG/TRACE inspection data shows every stage: afterInputPath,
 * afterParameters, result, afterResultSelector, afterResultPath.
 */
class RecordedTestStateIoTest {
  private static final Function<String, JsonNode> NO_VARIABLES = name -> null;

  @TestFactory
  Stream<DynamicTest> testStateInspectionStagesMatchTheRecording() throws Exception {
    if (ConformanceCorpus.root().isEmpty()) {
      return ConformanceCorpus.skipped();
    }
    Path folder = ConformanceCorpus.root().get().resolve("test_state").resolve("test_state");
    if (!Files.isDirectory(folder)) {
      return ConformanceCorpus.skipped();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .sorted()
          .map(ConformanceCorpus::read)
          .filter(RecordedTestStateIoTest::isReplayable)
          .collect(Collectors.toList())
          .stream()
          .map(testCase -> dynamicTest(testCase.get("id").asText(), () -> replay(testCase)));
    }
  }

  private static boolean isReplayable(JsonNode testCase) {
    JsonNode request = testCase.path("request");
    JsonNode state = request.path("definition");
    JsonNode inspection = testCase.path("expected").path("inspectionData");
    String type = state.path("Type").asText();
    return inspection.has("afterResultPath")
        && !state.has("QueryLanguage")
        && (type.equals("Pass") || (type.equals("Task") && request.path("mock").has("result")));
  }

  private static void replay(JsonNode testCase) {
    JsonNode request = testCase.get("request");
    JsonNode state = request.get("definition");
    // TestState runs on {} when the request gives no input.
    JsonNode raw =
        request.has("input") ? request.get("input") : ConformanceCorpus.MAPPER.createObjectNode();
    JsonNode context =
        request.has("context") ? request.get("context") : PassChain.context(raw, "State");
    IntrinsicEvaluator intrinsics = IntrinsicEvaluator.withRandom(new SplittableRandom(1));
    Map<String, JsonNode> stages = new LinkedHashMap<>();

    JsonNode effective = path(state, "InputPath", raw, context);
    stages.put("afterInputPath", effective);
    if (state.has("Parameters")) {
      effective =
          PayloadTemplate.compile(state.get("Parameters"))
              .evaluate(effective, context, NO_VARIABLES, intrinsics);
      stages.put("afterParameters", effective);
    }
    JsonNode result =
        state.get("Type").asText().equals("Task")
            ? parse(request.get("mock").get("result"))
            : state.has("Result") ? state.get("Result") : effective;
    stages.put("result", result);
    if (state.has("ResultSelector")) {
      result =
          PayloadTemplate.compile(state.get("ResultSelector"))
              .evaluate(result, context, NO_VARIABLES, intrinsics);
    }
    stages.put("afterResultSelector", result);
    JsonNode output = PassChain.resultPath(state, raw, result);
    stages.put("afterResultPath", output);
    stages.put("output", path(state, "OutputPath", output, context));

    JsonNode expected = testCase.get("expected");
    JsonNode inspection = expected.get("inspectionData");
    for (Map.Entry<String, JsonNode> stage : stages.entrySet()) {
      JsonNode recorded =
          stage.getKey().equals("output") ? expected.get("output") : inspection.get(stage.getKey());
      if (recorded == null) {
        continue;
      }
      assertTrue(
          RedactedJson.matches(parse(recorded), stage.getValue(), Set.of("date")),
          () -> stage.getKey() + ": expected " + parse(recorded) + " but was " + stage.getValue());
    }
  }

  private static JsonNode path(JsonNode state, String field, JsonNode data, JsonNode context) {
    return PassChain.path(state, field, data, context);
  }

  /** TestState reports non-object values as JSON text. */
  private static JsonNode parse(JsonNode value) {
    if (!value.isTextual()) {
      return value;
    }
    try {
      return ConformanceCorpus.MAPPER.readTree(value.asText());
    } catch (JsonProcessingException e) {
      return value;
    }
  }
}
