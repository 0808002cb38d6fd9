package io.asl4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestStateTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void taskWithMockedResultReportsEveryStepOfItsIoProcessing() {
    TestStateResult result =
        TestState.of(
                "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::dynamodb:getItem\","
                    + " \"InputPath\": \"$.req\", \"Parameters\": {\"Key.$\": \"$.id\"},"
                    + " \"ResultSelector\": {\"item.$\": \"$.Item\"}, \"ResultPath\": \"$.got\","
                    + " \"OutputPath\": \"$.got\", \"End\": true}")
            .input("{\"req\": {\"id\": 7}}")
            .mockResult("{\"Item\": {\"name\": \"x\"}}")
            .inspectionLevel(TestState.InspectionLevel.DEBUG)
            .run();

    assertEquals(TestStateResult.Status.SUCCEEDED, result.status());
    assertNull(result.nextState());
    assertEquals(json("{\"item\": {\"name\": \"x\"}}"), result.output());
    assertEquals(
        json(
            "{\"input\": {\"req\": {\"id\": 7}}, \"afterInputPath\": {\"id\": 7}, \"afterParameters\": {\"Key\": 7},"
                + " \"result\": {\"Item\": {\"name\": \"x\"}}, \"afterResultSelector\": {\"item\": {\"name\": \"x\"}},"
                + " \"afterResultPath\": {\"req\": {\"id\": 7}, \"got\": {\"item\": {\"name\": \"x\"}}}}"),
        result.inspectionData());
  }

  @Test
  void retriableReportsTheRetrierAndItsBackoff() {
    TestStateResult result =
        TestState.of(
                "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::sqs:sendMessage\", \"End\": true,"
                    + " \"Retry\": [{\"ErrorEquals\": [\"Other\"]},"
                    + " {\"ErrorEquals\": [\"Busy\"], \"IntervalSeconds\": 2, \"BackoffRate\": 3, \"MaxAttempts\": 5}]}")
            .mockError("Busy", "try later")
            .retrierRetryCount(2)
            .inspectionLevel(TestState.InspectionLevel.DEBUG)
            .run();

    assertEquals(TestStateResult.Status.RETRIABLE, result.status());
    assertEquals("Busy", result.error());
    assertEquals(
        json("{\"retryIndex\": 1, \"retryBackoffIntervalSeconds\": 18}"),
        result.inspectionData().get("errorDetails"));
  }

  @Test
  void exhaustedRetrierFallsThroughToTheCatcher() {
    TestStateResult result =
        TestState.of(
                "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::sqs:sendMessage\", \"End\": true,"
                    + " \"Retry\": [{\"ErrorEquals\": [\"Busy\"], \"MaxAttempts\": 1}],"
                    + " \"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"ResultPath\": \"$.error\", \"Next\": \"Handle\"}]}")
            .input("{\"a\": 1}")
            .mockError("Busy", "try later")
            .retrierRetryCount(1)
            .run();

    assertEquals(TestStateResult.Status.CAUGHT_ERROR, result.status());
    assertEquals("Handle", result.nextState());
    assertEquals(
        json("{\"a\": 1, \"error\": {\"Error\": \"Busy\", \"Cause\": \"try later\"}}"),
        result.output());
  }

  @Test
  void stateOfAMachineSeesGivenVariablesAndReportsItsAssignments() {
    TestStateResult result =
        TestState.of(
                "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"A\", \"States\": {"
                    + "\"A\": {\"Type\": \"Pass\", \"Output\": \"{% $count + 1 %}\", \"Assign\": {\"seen\": true}, \"Next\": \"B\"},"
                    + "\"B\": {\"Type\": \"Succeed\"}}}")
            .stateName("A")
            .variables(Map.of("count", IntNode.valueOf(41)))
            .inspectionLevel(TestState.InspectionLevel.TRACE)
            .run();

    assertEquals(TestStateResult.Status.SUCCEEDED, result.status());
    assertEquals("B", result.nextState());
    assertEquals(IntNode.valueOf(42), result.output());
    assertEquals(json("{\"count\": 41, \"seen\": true}"), result.inspectionData().get("variables"));
  }

  @Test
  void givenContextObjectReplacesTheDefault() {
    TestStateResult result =
        TestState.of(
                "{\"Type\": \"Pass\", \"Parameters\": {\"who.$\": \"$$.Execution.Name\"}, \"End\": true}")
            .context(json("{\"Execution\": {\"Name\": \"nightly\"}}"))
            .run();

    assertEquals(json("{\"who\": \"nightly\"}"), result.output());
  }

  @Test
  void mockedMapReportsExceededToleranceAsAnError() {
    TestStateResult result =
        TestState.of(
                "{\"Type\": \"Map\", \"ItemsPath\": \"$.items\", \"ToleratedFailureCount\": 1,"
                    + " \"ItemProcessor\": {\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}},"
                    + " \"End\": true}")
            .input("{\"items\": [1, 2, 3]}")
            .mockResult("[1, 2, 3]")
            .mapIterationFailureCount(2)
            .run();

    assertEquals(TestStateResult.Status.FAILED, result.status());
    assertEquals("States.ExceedToleratedFailureThreshold", result.error());
  }

  @Test
  void mapWithoutMockRunsItsIterations() {
    TestStateResult result =
        TestState.of(
                "{\"Type\": \"Map\", \"ItemProcessor\": {\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\","
                    + " \"Parameters\": {\"v.$\": \"$\"}, \"End\": true}}}, \"Next\": \"Done\"}")
            .input("[1, 2]")
            .run();

    assertEquals(TestStateResult.Status.SUCCEEDED, result.status());
    assertEquals(json("[{\"v\": 1}, {\"v\": 2}]"), result.output());
    assertEquals("Done", result.nextState());
  }

  @Test
  void taskWithoutMockCallsTheRegisteredHandler() {
    TestStateResult result =
        TestState.of(
                "{\"Type\": \"Task\", \"Resource\": \"arn:aws:lambda:us-east-1:123456789012:function:f\", \"End\": true}")
            .handler(
                "arn:aws:lambda:us-east-1:123456789012:function:f",
                (input, ctx) -> IntNode.valueOf(ctx.stateName().length()))
            .run();

    assertEquals(IntNode.valueOf("StateName".length()), result.output());
  }

  @Test
  void requestsThatDoNotFitTheDefinitionAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            TestState.of(
                    "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}}")
                .run());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            TestState.of(
                    "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}}")
                .stateName("B")
                .run());
    assertThrows(
        IllegalArgumentException.class,
        () -> TestState.of("{\"Type\": \"Pass\", \"End\": true}").mockResult("{}").run());
  }

  @Test
  void anInputOrMockedResultOver256KiBIsRefusedAsAwsRefusesIt() {
    // {"s":"xxx..."}: 8 bytes around the text.
    JsonNode atLimit = JSON.createObjectNode().put("s", "x".repeat(256 * 1024 - 8));
    JsonNode overLimit = JSON.createObjectNode().put("s", "x".repeat(256 * 1024 - 7));
    String task =
        "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::sqs:sendMessage\", \"End\": true}";

    assertEquals(
        TestStateResult.Status.SUCCEEDED,
        TestState.of(task).input(atLimit).mockResult(atLimit).run().status());
    IllegalArgumentException input =
        assertThrows(
            IllegalArgumentException.class,
            () -> TestState.of(task).input(overLimit).mockResult("{}").run());
    assertEquals(
        "1 validation error detected: Value at 'input' failed to satisfy constraint: Member must have length less"
            + " than or equal to 262144",
        input.getMessage());
    IllegalArgumentException result =
        assertThrows(
            IllegalArgumentException.class, () -> TestState.of(task).mockResult(overLimit).run());
    assertEquals(
        "1 validation error detected: Value at 'mock.result' failed to satisfy constraint: Member must have length"
            + " less than or equal to 262144",
        result.getMessage());
  }

  @Test
  void aStateConfigurationOfTheWrongShapeIsRefusedNamingTheField() throws Exception {
    TestState.Builder builder = TestState.of("{\"Type\": \"Pass\", \"End\": true}");

    IllegalArgumentException fraction =
        assertThrows(
            IllegalArgumentException.class,
            () -> builder.stateConfiguration(JSON.readTree("{\"retrierRetryCount\": 1.5}")));
    IllegalArgumentException notAName =
        assertThrows(
            IllegalArgumentException.class,
            () -> builder.stateConfiguration(JSON.readTree("{\"errorCausedByState\": 3}")));
    IllegalArgumentException level =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TestState.fromRequest(
                    JSON.readTree(
                        "{\"definition\": {\"Type\": \"Pass\", \"End\": true}, \"inspectionLevel\": \"ALL\"}")));

    assertEquals(
        "stateConfiguration.retrierRetryCount must be a whole number, not 1.5",
        fraction.getMessage());
    assertEquals(
        "stateConfiguration.errorCausedByState must be a state name (a string)",
        notAName.getMessage());
    assertEquals(
        "inspectionLevel must be one of [INFO, DEBUG, TRACE], not 'ALL'", level.getMessage());
  }
}
