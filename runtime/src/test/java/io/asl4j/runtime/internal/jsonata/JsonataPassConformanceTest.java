package io.asl4j.runtime.internal.jsonata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.runtime.StatesError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the AWS-recorded executions whose machine is nothing but JSONata Pass states, with a
 * minimal Pass interpreter around {@link JsonataTemplate}: output is the evaluated {@code Output}
 * (the state input when absent), {@code Assign} is evaluated with the variables from before the
 * state, then applied.
 */
class JsonataPassConformanceTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> PASS_FIELDS =
      Set.of("Type", "Comment", "QueryLanguage", "Output", "Assign", "Next", "End");

  /** Numbers compare by value (AWS and the recording differ on 1 versus 1.0); the rest exactly. */
  private static final Comparator<JsonNode> NUMERIC =
      (a, b) ->
          a.isNumber() && b.isNumber()
              ? a.decimalValue().compareTo(b.decimalValue())
              : a.equals(b) ? 0 : 1;

  @TestFactory
  Stream<DynamicTest> recordedJsonataPassMachines() throws IOException {
    String location = System.getProperty("asl4j.conformance.dir");
    if (location == null || !Files.isDirectory(Path.of(location, "pure"))) {
      String reason =
          "AWS conformance corpus not found (system property asl4j.conformance.dir = "
              + location
              + "); the recorded JSONata Pass cases are skipped";
      return Stream.of(DynamicTest.dynamicTest("corpus absent", () -> Assumptions.abort(reason)));
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of(location, "pure"))) {
      files = walk.filter(path -> path.toString().endsWith(".json")).sorted().toList();
    }
    return files.stream()
        .map(JsonataPassConformanceTest::read)
        .filter(JsonataPassConformanceTest::isJsonataPassMachine)
        .map(
            testCase ->
                DynamicTest.dynamicTest(testCase.get("id").asText(), () -> replay(testCase)));
  }

  private static JsonNode read(Path file) {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isJsonataPassMachine(JsonNode testCase) {
    JsonNode definition = testCase.get("definition");
    String machineLanguage = definition.path("QueryLanguage").asText("JSONPath");
    for (JsonNode state : definition.get("States")) {
      Iterator<String> fields = state.fieldNames();
      while (fields.hasNext()) {
        if (!PASS_FIELDS.contains(fields.next())) {
          return false;
        }
      }
      if (!state.path("Type").asText().equals("Pass")
          || !state.path("QueryLanguage").asText(machineLanguage).equals("JSONata")) {
        return false;
      }
    }
    return true;
  }

  private static void replay(JsonNode testCase) {
    Assumptions.assumeFalse(
        testCase.has("normalizedTokens"), "expected values are redacted in this recording");
    JsonNode expected = testCase.get("expected");
    Outcome outcome = run(testCase.get("definition"), testCase.get("input"));
    assertEquals(expected.get("status").asText(), outcome.status(), () -> "status: " + outcome);
    if (outcome.status().equals("SUCCEEDED")) {
      assertTrue(
          expected.get("output").equals(NUMERIC, outcome.output()),
          () -> "expected " + expected.get("output") + " but was " + outcome.output());
    } else {
      assertEquals(expected.path("error").asText(null), outcome.error());
      assertEquals(expected.path("cause").asText(null), outcome.cause());
    }
  }

  /** How an execution ended: an output, or an error and cause. */
  private record Outcome(String status, JsonNode output, String error, String cause) {}

  private static Outcome run(JsonNode definition, JsonNode executionInput) {
    JsonataEngine engine = new JsonataEngine();
    Map<String, JsonNode> variables = new HashMap<>();
    JsonNode current = executionInput;
    String name = definition.get("StartAt").asText();
    // Events: ExecutionStarted is #1, then each Pass state adds Entered and Exited.
    for (int eventId = 2; ; eventId += 2) {
      JsonNode state = definition.get("States").get(name);
      ObjectNode states = JsonNodeFactory.instance.objectNode();
      states.set("input", current);
      states.set("context", context(executionInput, name));
      try {
        Map<String, JsonNode> assigned = new HashMap<>();
        if (state.has("Assign")) {
          state
              .get("Assign")
              .fields()
              .forEachRemaining(
                  field ->
                      assigned.put(
                          field.getKey(),
                          JsonataTemplate.compile(field.getValue(), "Assign/" + field.getKey())
                              .evaluate(engine, states, variables::get)));
        }
        if (state.has("Output")) {
          current =
              JsonataTemplate.compile(state.get("Output"), "Output")
                  .evaluate(engine, states, variables::get);
        }
        variables.putAll(assigned);
      } catch (StatesError error) {
        return new Outcome(
            "FAILED",
            null,
            error.error(),
            "An error occurred while executing the state '"
                + name
                + "' (entered at the event id #"
                + eventId
                + "). "
                + error.cause());
      }
      if (state.path("End").asBoolean(false)) {
        return new Outcome("SUCCEEDED", current, null, null);
      }
      name = state.get("Next").asText();
    }
  }

  private static JsonNode context(JsonNode executionInput, String stateName) {
    ObjectNode context = JsonNodeFactory.instance.objectNode();
    context.putObject("Execution").set("Input", executionInput);
    context.putObject("State").put("Name", stateName);
    return context;
  }
}
