package io.asl4j.runtime.internal.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.expression.AslPath;
import io.asl4j.runtime.StatesError;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Just enough of an interpreter to replay recorded machines made only of JSONPath Pass states:
 * InputPath, Parameters, Result, ResultPath and OutputPath, in the ASL order, then Next or End. The
 * context object is a stand-in with the shape AWS gives it; the recorder redacted its values.
 */
final class PassChain {
  private static final Set<String> STATE_FIELDS =
      Set.of(
          "Type",
          "Comment",
          "Parameters",
          "Result",
          "InputPath",
          "OutputPath",
          "ResultPath",
          "Next",
          "End");
  private static final Set<String> MACHINE_FIELDS =
      Set.of("StartAt", "States", "Comment", "Version", "QueryLanguage", "TimeoutSeconds");
  private static final Function<String, JsonNode> NO_VARIABLES = name -> null;

  private PassChain() {}

  /** The result of a run: an output, or the error and where it happened. */
  record Outcome(JsonNode output, StatesError error, String state, int enteredEventId) {}

  /** Why a case is not a chain of JSONPath Pass states, or null when it is one. */
  static String unsupported(JsonNode testCase) {
    JsonNode languages = testCase.path("queryLanguages");
    if (languages.size() != 1 || !languages.get(0).asText().equals("JSONPath")) {
      return "not a JSONPath-only machine: " + languages;
    }
    JsonNode definition = testCase.path("definition");
    for (Map.Entry<String, JsonNode> field : definition.properties()) {
      if (!MACHINE_FIELDS.contains(field.getKey())) {
        return "machine field " + field.getKey();
      }
    }
    for (Map.Entry<String, JsonNode> state : definition.path("States").properties()) {
      if (!state.getValue().path("Type").asText().equals("Pass")) {
        return "state " + state.getKey() + " is a " + state.getValue().path("Type").asText();
      }
      for (Map.Entry<String, JsonNode> field : state.getValue().properties()) {
        if (!STATE_FIELDS.contains(field.getKey())) {
          return "state field " + field.getKey();
        }
      }
    }
    return null;
  }

  static Outcome run(JsonNode definition, JsonNode input, IntrinsicEvaluator intrinsics) {
    String name = definition.get("StartAt").textValue();
    JsonNode data = input;
    // ExecutionStarted is event #1; each Pass state adds an Entered and an Exited event.
    int entered = 2;
    while (true) {
      JsonNode state = definition.get("States").get(name);
      try {
        data = step(state, data, context(input, name), intrinsics);
      } catch (StatesError e) {
        return new Outcome(null, e, name, entered);
      }
      if (state.path("End").asBoolean(false)) {
        return new Outcome(data, null, null, 0);
      }
      name = state.get("Next").textValue();
      entered += 2;
    }
  }

  private static JsonNode step(
      JsonNode state, JsonNode raw, JsonNode context, IntrinsicEvaluator intrinsics) {
    JsonNode effective = path(state, "InputPath", raw, context);
    if (state.has("Parameters")) {
      effective =
          PayloadTemplate.compile(state.get("Parameters"))
              .evaluate(effective, context, NO_VARIABLES, intrinsics);
    }
    JsonNode result = state.has("Result") ? state.get("Result") : effective;
    JsonNode output = resultPath(state, raw, result);
    return path(state, "OutputPath", output, context);
  }

  /**
   * A test that {@code testCase} (a recorded Pass chain) runs as recorded; random seeded with 1.
   */
  static DynamicTest matchesRecording(JsonNode testCase) {
    return DynamicTest.dynamicTest(
        testCase.get("id").asText(),
        () ->
            assertMatchesRecording(
                testCase, IntrinsicEvaluator.withRandom(new SplittableRandom(1))));
  }

  /**
   * {@code result} placed into {@code raw} as {@code state}'s ResultPath says (absent: the result;
   * null: raw).
   */
  static JsonNode resultPath(JsonNode state, JsonNode raw, JsonNode result) {
    if (!state.has("ResultPath")) {
      return result;
    }
    if (state.get("ResultPath").isNull()) {
      return raw;
    }
    return ResultPaths.merge(raw, AslPath.parse(state.get("ResultPath").textValue()), result);
  }

  /**
   * {@code state}'s path {@code field} (InputPath, OutputPath) applied to {@code data}: absent
   * keeps it, null gives {@code {}}.
   */
  static JsonNode path(JsonNode state, String field, JsonNode data, JsonNode context) {
    if (!state.has(field)) {
      return data;
    }
    if (state.get(field).isNull()) {
      return ConformanceCorpus.MAPPER.createObjectNode();
    }
    return PathEvaluator.evaluate(
        AslPath.parse(state.get(field).textValue()), data, context, NO_VARIABLES);
  }

  /** A context object shaped like AWS's, with stand-in values where the recorder redacted them. */
  static JsonNode context(JsonNode input, String stateName) {
    ObjectNode context = ConformanceCorpus.MAPPER.createObjectNode();
    ObjectNode execution = context.putObject("Execution");
    execution.put("Id", "arn:aws:states:us-east-1:111111111111:execution:machine-1:run-1");
    execution.set("Input", input);
    execution.put("StartTime", "2025-01-01T00:00:00.000Z");
    execution.put("Name", "run-1");
    execution.put("RoleArn", "snf_role_arn"); // the recorder's stand-in for the role ARN
    execution.put("RedriveCount", 0);
    ObjectNode machine = context.putObject("StateMachine");
    machine.put("Id", "arn:aws:states:us-east-1:111111111111:stateMachine:machine-1");
    machine.put("Name", "machine-1");
    ObjectNode state = context.putObject("State");
    state.put("Name", stateName);
    state.put("EnteredTime", "2025-01-01T00:00:00.000Z");
    return context;
  }

  /** Replays a recorded case and asserts AWS's output, or AWS's error name and full cause. */
  static void assertMatchesRecording(JsonNode testCase, IntrinsicEvaluator intrinsics) {
    JsonNode expected = testCase.get("expected");
    Outcome outcome = run(testCase.get("definition"), testCase.get("input"), intrinsics);
    Set<String> wildcards = new HashSet<>(Set.of("date", "timestamp"));
    testCase.path("redactionLiterals").forEach(literal -> wildcards.add(literal.asText()));
    if (expected.get("status").asText().equals("SUCCEEDED")) {
      if (outcome.error() != null) {
        Assertions.fail(
            "expected "
                + expected.get("output")
                + " but failed in state '"
                + outcome.state()
                + "' with "
                + outcome.error().error()
                + ": "
                + outcome.error().cause());
      }
      Assertions.assertTrue(
          RedactedJson.matches(expected.get("output"), outcome.output(), wildcards),
          () -> "expected " + expected.get("output") + " but was " + outcome.output());
      return;
    }
    Assertions.assertEquals("FAILED", expected.get("status").asText());
    Assertions.assertNotNull(
        outcome.error(), () -> "expected a failure but the output was " + outcome.output());
    Assertions.assertEquals(expected.get("error").asText(), outcome.error().error());
    if (expected.has("cause")) {
      String cause =
          "An error occurred while executing the state '"
              + outcome.state()
              + "' (entered at the event id #"
              + outcome.enteredEventId()
              + "). "
              + outcome.error().cause();
      Assertions.assertTrue(
          RedactedJson.textMatches(expected.get("cause").asText(), cause),
          () -> "expected the cause " + expected.get("cause").asText() + " but was " + cause);
    }
  }
}
