package io.asl4j.dsl.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One run lists every problem of a definition: the reader's (shape) and the validator's (meaning)
 * together, and none that only follows from another.
 */
class AllProblemsAtOnceTest {

  @Test
  void aDefinitionWithSevenProblemsListsAllSevenIncludingAnUnknownRetryOnAPass() {
    String json =
        """
        {"StartAt": "Start", "States": {
          "Start": {"Type": "Pass", "Retry": [], "Next": "Charge"},
          "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                     "TimeoutSeconds": "soon", "Next": "Check"},
          "Check": {"Type": "Choice", "Default": "Missing",
                    "Choices": [{"Variable": "$.ok", "BooleanEquals": "yes", "Next": "Done"}]},
          "Later": {"Type": "Wait", "Seconds": -1, "Next": "Done"},
          "Done": {"Type": "Succeed", "Comment": 5}}}
        """;

    assertEquals(
        List.of(
            "/States/Start/Retry: error [UnknownField] field 'Retry' is not supported by a Pass state",
            "/States/Charge/TimeoutSeconds: error [WrongType] expected a number, but found string"
                + " \"soon\"",
            "/States/Check/Default: error [UnknownState] 'Default' names 'Missing', which is not a"
                + " state of this scope",
            "/States/Check/Choices/0/BooleanEquals: error [OperandType] 'BooleanEquals' expects a"
                + " boolean, but found string \"yes\"",
            "/States/Later: error [UnreachableState] State \"Later\" is not reachable: no StartAt,"
                + " Next, Default or Catch 'Next' of this scope names it",
            "/States/Later/Seconds: error [NumberRange] 'Seconds' must be an integer at least 0, but"
                + " is -1",
            "/States/Done/Comment: error [WrongType] expected a string, but found number 5"),
        lines(Validator.validateJson(json)));
  }

  @Test
  void aFieldOfTheWrongTypeIsNotAlsoReportedMissing() {
    assertEquals(
        List.of("/States/Work/Resource: error [WrongType] expected a string, but found number 5"),
        lines(
            Validator.validateJson(
                "{\"StartAt\": \"Work\", \"States\": {\"Work\": {\"Type\": \"Task\", \"Resource\": 5,"
                    + " \"End\": true}}}")));
    assertEquals(
        List.of("/States/Work/Next: error [WrongType] expected a string, but found boolean true"),
        lines(
            Validator.validateJson(
                "{\"StartAt\": \"Work\", \"States\": {\"Work\": {\"Type\": \"Pass\", \"Next\": true}}}")));
    assertEquals(
        List.of(
            "/States/Nap/Seconds: error [WrongType] expected a number or a JSONata expression,"
                + " but found boolean true"),
        lines(
            Validator.validateJson(
                "{\"StartAt\": \"Nap\", \"States\": {\"Nap\": {\"Type\": \"Wait\", \"Seconds\": true,"
                    + " \"End\": true}}}")));
  }

  @Test
  void aStateOfUnknownTypeStillCountsAsATargetWithItsTransitions() {
    assertEquals(
        List.of(
            "/States/Middle/Type: error [UnknownStateType] expected one of Pass, Task, Choice, Wait,"
                + " Succeed, Fail, Parallel, Map, but found \"Pas\""),
        lines(
            Validator.validateJson(
                """
                {"StartAt": "First", "States": {
                  "First": {"Type": "Pass", "Next": "Middle"},
                  "Middle": {"Type": "Pas", "Next": "Last"},
                  "Last": {"Type": "Succeed"}}}
                """)));
  }

  @Test
  void aStatesFieldThatIsNoObjectIsTheOnlyProblemOfTheGraph() {
    assertEquals(
        List.of(
            "/States: error [WrongType] expected an object of states by name, but found array []"),
        lines(Validator.validateJson("{\"StartAt\": \"A\", \"States\": []}")));
  }

  @Test
  void aMissingStartAtIsReportedOnce() {
    assertEquals(
        List.of("/: error [MissingField] These fields are required: [StartAt]"),
        lines(Validator.validateJson("{\"States\": {\"A\": {\"Type\": \"Succeed\"}}}")));
  }

  private static List<String> lines(ValidationResult result) {
    return result.problems().stream().map(Problem::toString).collect(Collectors.toList());
  }
}
