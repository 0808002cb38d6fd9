package io.asl4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** TestState's {@code mock.fieldValidationMode}: STRICT (the default), PRESENT and NONE. */
class TestStateFieldValidationTest {
  private static JsonNode json(String text) {
    return TestJson.json(text.replace('\'', '"'));
  }

  private static TestState.Builder startExecution(String mock) {
    return TestState.fromRequest(
        json(
            "{'definition':{'Type':'Task','Resource':'arn:aws:states:::states:startExecution',"
                + "'Parameters':{'StateMachineArn':'arn:aws:states:us-east-1:123456789012:stateMachine:m'},'End':true},"
                + "'input':{},'mock':"
                + mock
                + "}"));
  }

  @Test
  void strictRefusesAMockedResultWithoutTheFieldsTheApiRequiresOrWithAFieldOfTheWrongType() {
    IllegalArgumentException missing =
        assertThrows(IllegalArgumentException.class, () -> startExecution("{'result':'{}'}").run());
    IllegalArgumentException wrongType =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                startExecution(
                        "{'result':'{\\\"ExecutionArn\\\":\\\"a\\\",\\\"StartDate\\\":true}','fieldValidationMode':'STRICT'}")
                    .run());

    assertEquals(
        "mock.result does not match the response of arn:aws:states:::states:startExecution (fieldValidationMode STRICT):"
            + " 'ExecutionArn' is missing; the API's response requires it; 'StartDate' is missing; the API's response requires it",
        missing.getMessage());
    assertEquals(
        "mock.result does not match the response of arn:aws:states:::states:startExecution (fieldValidationMode STRICT):"
            + " 'StartDate' must be a timestamp, but is true",
        wrongType.getMessage());
  }

  @Test
  void presentChecksOnlyTheFieldsTheMockHasAndAcceptsFieldsTheApiDoesNotHave() {
    TestStateResult result =
        startExecution("{'result':'{\\\"random\\\":\\\"json\\\"}','fieldValidationMode':'PRESENT'}")
            .run();
    IllegalArgumentException wrongType =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                startExecution(
                        "{'result':'{\\\"StartDate\\\":true}','fieldValidationMode':'PRESENT'}")
                    .run());

    assertEquals(json("{'random':'json'}"), result.output());
    assertEquals(
        "mock.result does not match the response of arn:aws:states:::states:startExecution (fieldValidationMode PRESENT):"
            + " 'StartDate' must be a timestamp, but is true",
        wrongType.getMessage());
  }

  @Test
  void noneAcceptsAnyMockedResult() {
    TestStateResult result =
        startExecution("{'result':'{\\\"StartDate\\\":true}','fieldValidationMode':'NONE'}").run();

    assertEquals(json("{'StartDate':true}"), result.output());
  }

  @Test
  void anUnknownModeIsRefusedNamingTheThreeThereAre() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> startExecution("{'result':'{}','fieldValidationMode':'LAX'}"));

    assertEquals(
        "mock.fieldValidationMode must be one of [STRICT, PRESENT, NONE], not 'LAX'",
        e.getMessage());
  }
}
