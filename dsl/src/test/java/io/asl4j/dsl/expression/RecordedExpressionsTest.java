package io.asl4j.dsl.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the parsers against what AWS accepted and rejected: every Path and intrinsic call in a
 * JSONPath state of a machine that AWS ran must parse, and the values CreateStateMachine refused as
 * "not a valid JSONPath or a valid intrinsic function call" must not. Reads the corpus under {@code
 * asl4j.conformance.dir}; skipped when it is absent.
 */
class RecordedExpressionsTest {
  private static final Set<String> PATH_FIELDS =
      Set.of(
          "InputPath",
          "OutputPath",
          "ResultPath",
          "ItemsPath",
          "SecondsPath",
          "TimestampPath",
          "TimeoutSecondsPath",
          "HeartbeatSecondsPath",
          "MaxConcurrencyPath",
          "ToleratedFailureCountPath",
          "ToleratedFailurePercentagePath",
          "Variable");
  private static final Set<String> TEMPLATE_FIELDS =
      Set.of("Parameters", "ResultSelector", "ItemSelector", "Assign", "Credentials");
  private static final Pattern INVALID_FIELD =
      Pattern.compile(
          "The value for the field '([^']+)' must be a valid JSONPath or a valid"
              + " intrinsic function call at /States/([^/]+)/([A-Za-z]+)");

  @TestFactory
  Stream<DynamicTest> everyPathAndCallInMachinesAwsRanParses() {
    if (corpus() == null) {
      return skipped();
    }
    return Stream.of("pure", "lambda", "service")
        .flatMap(category -> Corpus.cases(corpus(), category).stream())
        .map(Corpus::read)
        .filter(testCase -> testCase.path("definition").isObject())
        .map(
            testCase ->
                dynamicTest(
                    testCase.get("id").asText(),
                    () -> {
                      List<String> expressions = new ArrayList<>();
                      JsonNode definition = testCase.get("definition");
                      collectStates(
                          definition.path("States"),
                          definition.path("QueryLanguage").asText("JSONPath"),
                          expressions);
                      List<String> failures = new ArrayList<>();
                      for (String expression : expressions) {
                        try {
                          parse(expression);
                        } catch (ExpressionException e) {
                          failures.add(e.getMessage());
                        }
                      }
                      assertEquals(List.of(), failures);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> valuesAwsRejectedAsNotAPathOrCallDoNotParse() {
    if (corpus() == null) {
      return skipped();
    }
    return Corpus.cases(corpus(), "validation").stream()
        .map(Corpus::read)
        .filter(testCase -> testCase.path("source").path("trust").asText().equals("aws-validated"))
        .filter(testCase -> INVALID_FIELD.matcher(testCase.path("expected").toString()).find())
        .map(
            testCase ->
                dynamicTest(
                    testCase.get("id").asText(),
                    () -> {
                      Matcher m = INVALID_FIELD.matcher(testCase.get("expected").toString());
                      m.find();
                      String value =
                          testCase
                              .get("definition")
                              .get("States")
                              .get(m.group(2))
                              .get(m.group(3))
                              .get(m.group(1))
                              .asText();
                      assertThrows(ExpressionException.class, () -> parse(value));
                    }));
  }

  private static void parse(String expression) {
    if (IntrinsicCall.looksLikeIntrinsic(expression)) {
      IntrinsicCall.parse(expression);
    } else {
      AslPath.parse(expression);
    }
  }

  /** Paths and template values of JSONPath states, at any depth of Parallel and Map. */
  private static void collectStates(JsonNode states, String machineLanguage, List<String> out) {
    for (Map.Entry<String, JsonNode> entry : states.properties()) {
      JsonNode state = entry.getValue();
      if (state.path("QueryLanguage").asText(machineLanguage).equals("JSONPath")) {
        collectState(state, out);
      }
      for (JsonNode branch : state.path("Branches")) {
        collectStates(branch.path("States"), machineLanguage, out);
      }
      collectStates(state.path("ItemProcessor").path("States"), machineLanguage, out);
      collectStates(state.path("Iterator").path("States"), machineLanguage, out);
    }
  }

  private static void collectState(JsonNode state, List<String> out) {
    for (Map.Entry<String, JsonNode> field : state.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      if ((PATH_FIELDS.contains(name) || name.equals("ErrorPath") || name.equals("CausePath"))
          && value.isTextual()) {
        out.add(value.textValue());
      } else if (TEMPLATE_FIELDS.contains(name)) {
        collectTemplate(value, out);
      }
    }
    collectTemplate(state.path("ItemReader").path("Parameters"), out);
    collectTemplate(state.path("ResultWriter").path("Parameters"), out);
    for (JsonNode catcher : state.path("Catch")) {
      collectState(catcher, out);
    }
    for (JsonNode rule : state.path("Choices")) {
      collectRule(rule, out);
    }
  }

  private static void collectRule(JsonNode rule, List<String> out) {
    for (Map.Entry<String, JsonNode> field : rule.properties()) {
      if ((field.getKey().equals("Variable") || field.getKey().endsWith("Path"))
          && field.getValue().isTextual()) {
        out.add(field.getValue().textValue());
      } else if (field.getKey().equals("Assign")) {
        collectTemplate(field.getValue(), out);
      }
    }
    for (JsonNode nested : rule.path("And")) {
      collectRule(nested, out);
    }
    for (JsonNode nested : rule.path("Or")) {
      collectRule(nested, out);
    }
    if (rule.has("Not")) {
      collectRule(rule.get("Not"), out);
    }
  }

  private static void collectTemplate(JsonNode template, List<String> out) {
    if (template.isObject()) {
      for (Map.Entry<String, JsonNode> member : template.properties()) {
        if (member.getKey().endsWith(".$") && member.getValue().isTextual()) {
          out.add(member.getValue().textValue());
        } else {
          collectTemplate(member.getValue(), out);
        }
      }
    } else if (template.isArray()) {
      template.forEach(element -> collectTemplate(element, out));
    }
  }

  /** The corpus root, or null when asl4j.conformance.dir does not name a folder. */
  private static Path corpus() {
    String dir = System.getProperty("asl4j.conformance.dir");
    return dir == null || !Files.isDirectory(Path.of(dir)) ? null : Path.of(dir);
  }

  private static Stream<DynamicTest> skipped() {
    String why =
        "no AWS-recorded conformance corpus at asl4j.conformance.dir="
            + System.getProperty("asl4j.conformance.dir")
            + ": skipping the recorded cases";
    return Stream.of(dynamicTest("conformance corpus", () -> Assumptions.abort(why)));
  }
}
