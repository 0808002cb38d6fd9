package io.asl4j.dsl.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.json.AslReadException;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.model.StateMachineType;
import io.asl4j.dsl.testing.Corpus;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The validator against what AWS did: every definition AWS accepted and ran validates without
 * errors, and every definition AWS rejected as invalid is rejected, at the location AWS named.
 */
class ValidatorCorpusTest {
  /**
   * LocalStack's activity tests create the activity first and put its ARN into the template at this
   * placeholder; AWS saw a real activity ARN there. Any ARN of that shape stands in for it.
   */
  private static final String ACTIVITY_PLACEHOLDER =
      "arn:aws:fake:us-east-1:111111111111:create_activity()[activityArn]";

  private static final String ACTIVITY_ARN =
      "arn:aws:states:us-east-1:111111111111:activity:TestActivity";

  /** {@code ... at /States/X/Resource'} at the end of AWS's InvalidDefinition message. */
  private static final Pattern AWS_LOCATION = Pattern.compile(" at (/[^']*)'?$");

  /** Test-state outcomes that are not a rejected definition. */
  private static final Set<String> EXECUTED_STATUSES =
      Set.of("SUCCEEDED", "FAILED", "CAUGHT_ERROR", "RETRIABLE");

  @TestFactory
  Stream<DynamicTest> everyExecutedDefinitionIsValid() {
    return Stream.of("pure", "lambda", "service")
        .flatMap(category -> Corpus.cases(category).stream())
        .map(file -> DynamicTest.dynamicTest(Corpus.name(file), () -> executedIsValid(file)));
  }

  @TestFactory
  Stream<DynamicTest> everyDefinitionAwsRejectedIsRejectedAtTheSameLocation() {
    return Corpus.cases("validation").stream()
        .filter(ValidatorCorpusTest::rejectedByAwsAsInvalidDefinition)
        .map(file -> DynamicTest.dynamicTest(Corpus.name(file), () -> rejected(file)));
  }

  /**
   * The Map Label cases were recorded against LocalStack, not AWS (their messages are
   * LocalStack's), so only the rejection is checked, not the wording.
   */
  @TestFactory
  Stream<DynamicTest> everyMapLabelLocalStackRejectedIsRejected() {
    return Corpus.cases("validation").stream()
        .filter(
            file ->
                !"aws-validated".equals(Corpus.read(file).path("source").path("trust").asText()))
        .map(
            file ->
                DynamicTest.dynamicTest(
                    Corpus.name(file),
                    () -> {
                      List<Problem> problems = problems(Corpus.read(file));
                      assertTrue(
                          problems.stream()
                              .anyMatch(p -> p.isError() && p.tag().equals("InvalidLabel")),
                          () -> "expected an [InvalidLabel] error, got:\n" + lines(problems));
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyTestStateDefinitionThatRanIsValid() {
    return Corpus.cases("test_state").stream()
        .filter(
            file ->
                EXECUTED_STATUSES.contains(
                    Corpus.read(file).path("expected").path("status").asText()))
        .map(file -> DynamicTest.dynamicTest(Corpus.name(file), () -> testStateIsValid(file)));
  }

  /**
   * Only CreateStateMachine's {@code InvalidDefinition}, from cases AWS itself validated: the other
   * rejections in the folder are about the request, not the definition (an invalid logging
   * configuration, a version description without publish), and are out of the validator's scope.
   */
  private static boolean rejectedByAwsAsInvalidDefinition(Path file) {
    JsonNode c = Corpus.read(file);
    return "aws-validated".equals(c.path("source").path("trust").asText())
        && "InvalidDefinition".equals(errorCode(c.path("expected").path("response")));
  }

  private static String errorCode(JsonNode response) {
    if (response.path("Error").has("Code")) {
      return response.path("Error").path("Code").asText();
    }
    return response.path("exception_typename").asText();
  }

  private static String errorMessage(JsonNode response) {
    if (response.path("Error").has("Message")) {
      return response.path("Error").path("Message").asText();
    }
    return response.path("exception_value").asText();
  }

  private static void executedIsValid(Path file) {
    List<Problem> problems = problems(Corpus.read(file));
    List<Problem> errors = problems.stream().filter(Problem::isError).collect(Collectors.toList());
    assertTrue(errors.isEmpty(), () -> "AWS ran this definition, but:\n" + lines(errors));
  }

  private static void rejected(Path file) {
    JsonNode c = Corpus.read(file);
    List<Problem> problems = problems(c);
    assertFalse(
        problems.stream().noneMatch(Problem::isError),
        "AWS rejected this definition; we accept it");
    Matcher location = AWS_LOCATION.matcher(errorMessage(c.path("expected").path("response")));
    if (location.find()) {
      String pointer = location.group(1).equals("/") ? "" : location.group(1);
      assertTrue(
          problems.stream().anyMatch(p -> p.isError() && p.pointer().equals(pointer)),
          () -> "AWS located the problem at " + pointer + "; we found:\n" + lines(problems));
    }
  }

  private static void testStateIsValid(Path file) {
    JsonNode definition = Corpus.read(file).path("request").path("definition");
    String text = substitutePlaceholders(definition.toString());
    ValidationResult result;
    try {
      JsonNode json = AslReader.parse(text);
      result =
          json.has("States")
              ? Validator.validate(AslReader.read(json))
              : Validator.validateState(AslReader.readState(json));
    } catch (AslReadException e) {
      fail("the reader rejects a definition the TestState API ran:\n" + lines(e.problems()));
      return;
    }
    assertEquals(List.of(), result.errors(), "the TestState API ran this definition");
  }

  /** The reader's and the validator's problems for a case's {@code definition}. */
  private static List<Problem> problems(JsonNode c) {
    JsonNode definition = c.get("definition");
    String text =
        definition == null || definition.isNull()
            ? c.path("definitionRaw").asText()
            : substitutePlaceholders(definition.toString());
    StateMachineType type = StateMachineType.valueOf(c.path("stateMachineType").asText("STANDARD"));
    return Validator.validateJson(text, ValidationOptions.forType(type)).problems();
  }

  private static String substitutePlaceholders(String json) {
    return json.replace(ACTIVITY_PLACEHOLDER, ACTIVITY_ARN);
  }

  private static String lines(List<Problem> problems) {
    return problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
