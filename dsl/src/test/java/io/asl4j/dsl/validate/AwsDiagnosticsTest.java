package io.asl4j.dsl.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Validation results in the shape of AWS's ValidateStateMachineDefinition answer. */
class AwsDiagnosticsTest {
  private static final String BROKEN =
      """
      {"StartAt": "Start", "States": {
        "Start": {"Type": "Pass", "Parameters": {"id": "$.id"}, "Next": "Nowhere"},
        "Orphan": {"Type": "Succeed"}}}
      """;

  @Test
  void errorsAreListedWithAwsCodesAndWarningsOnlyWhenAskedFor() {
    ValidationResult result = Validator.validateJson(BROKEN);

    assertEquals(
        "{\"result\":\"FAIL\",\"diagnostics\":["
            + "{\"severity\":\"ERROR\",\"code\":\"MISSING_END_STATE\",\"message\":\"no state"
            + " reachable from StartAt 'Start' is a Succeed or Fail state or has \\\"End\\\": true\","
            + "\"location\":\"/States\"},"
            + "{\"severity\":\"ERROR\",\"code\":\"MISSING_TRANSITION_TARGET\",\"message\":\"'Next'"
            + " names 'Nowhere', which is not a state of this scope\",\"location\":\"/States/Start/Next\"},"
            + "{\"severity\":\"ERROR\",\"code\":\"MISSING_TRANSITION_TARGET\",\"message\":\"State"
            + " \\\"Orphan\\\" is not reachable: no StartAt, Next, Default or Catch 'Next' of this"
            + " scope names it\",\"location\":\"/States/Orphan\"}],\"truncated\":false}",
        AwsDiagnostics.of(result, Problem.Severity.ERROR, 0).toString());
    assertEquals(
        "{\"result\":\"FAIL\",\"diagnostics\":["
            + "{\"severity\":\"ERROR\",\"code\":\"MISSING_END_STATE\",\"message\":\"no state"
            + " reachable from StartAt 'Start' is a Succeed or Fail state or has \\\"End\\\": true\","
            + "\"location\":\"/States\"},"
            + "{\"severity\":\"WARNING\",\"code\":\"NO_DOLLAR\",\"message\":\"'$.id' looks like a path"
            + " or an intrinsic function, but is passed as text because the field name does not end"
            + " with '.$'; name it 'id.$' to evaluate it\",\"location\":\"/States/Start/Parameters/id\"}],"
            + "\"truncated\":true}",
        AwsDiagnostics.of(result, Problem.Severity.WARNING, 2).toString());
  }

  @Test
  void aDefinitionWithWarningsOnlyIsOk() {
    ValidationResult result =
        Validator.validateJson(
            "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Result\": \"$.x\","
                + " \"End\": true}}}");
    assertEquals(
        "{\"result\":\"OK\",\"diagnostics\":[],\"truncated\":false}",
        AwsDiagnostics.of(result, Problem.Severity.ERROR, 100).toString());
    assertEquals(
        "PASS_RESULT_IS_STATIC",
        AwsDiagnostics.of(result, Problem.Severity.WARNING, 100).diagnostics().get(0).code());
  }

  @Test
  void textThatIsNoDefinitionGetsAwsDescriptionCodes() {
    assertEquals(
        "INVALID_JSON_DESCRIPTION",
        AwsDiagnostics.of(Validator.validateJson("{\"StartAt\":"), Problem.Severity.ERROR, 0)
            .diagnostics()
            .get(0)
            .code());
    assertEquals(
        "MISSING_DESCRIPTION",
        AwsDiagnostics.of(Validator.validateJson("  "), Problem.Severity.ERROR, 0)
            .diagnostics()
            .get(0)
            .code());
  }

  @Test
  void graphRulesHaveTheirOwnCodesAndTheRestAreSchemaErrors() {
    assertEquals(
        "MISSING_END_STATE", AwsDiagnostics.code(Problem.error("NoTerminalState", "/States", "m")));
    assertEquals(
        "DUPLICATE_STATE_NAME",
        AwsDiagnostics.code(Problem.error("DuplicateStateName", "/States/A", "m")));
    assertEquals(
        "INVALID_STATE_NAME",
        AwsDiagnostics.code(Problem.error("StateNameTooLong", "/States/A", "m")));
    assertEquals(
        "SCHEMA_VALIDATION_FAILED",
        AwsDiagnostics.code(Problem.error("UnknownResource", "/States/A/Resource", "m")));
    assertEquals(
        null, AwsDiagnostics.code(Problem.warning("TaskTokenNotPassed", "/States/A", "m")));
  }

  @Test
  void aNegativeMaxResultsIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                AwsDiagnostics.of(
                    ValidationResult.of(java.util.List.of()), Problem.Severity.ERROR, -1));
    assertEquals("maxResults must be at least 0, but is -1", e.getMessage());
  }
}
