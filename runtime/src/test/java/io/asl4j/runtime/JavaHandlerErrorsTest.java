package io.asl4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Java handler's exception fails its state as AWS's Java Lambda runtime reports it. */
class JavaHandlerErrorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHECK = "arn:aws:lambda:us-east-1:123456789012:function:check";

  private static final String CLAIM =
      """
      {
        "StartAt": "Check",
        "States": {
          "Check": {"Type": "Task", "Resource": "%s", "End": true,
            "Catch": [{"ErrorEquals": ["java.lang.IllegalStateException"], "ResultPath": "$.error", "Next": "Refer"}]},
          "Refer": {"Type": "Pass", "End": true}
        }
      }
      """
          .formatted(CHECK);

  /** Thrown from a line of its own, so the test can name the frame. */
  static JsonNode refuse(JsonNode input) {
    throw new IllegalStateException("policy " + input.get("policy").asText() + " has lapsed");
  }

  @Test
  void aCatchOnTheExceptionsFullyQualifiedClassNameCatchesIt() throws Exception {
    // given
    LocalStateMachine machine =
        LocalStateMachine.builder(CLAIM)
            .virtualClock(Instant.parse("2025-01-01T00:00:00Z"))
            .handler(CHECK, (input, ctx) -> refuse(input))
            .build();

    // when
    Execution execution = machine.run(JSON.readTree("{\"policy\": \"P-7\"}"));

    // then: the error is the class name, the cause the Java runtime's payload
    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(List.of("Check", "Refer"), execution.statesEntered());
    JsonNode error = execution.output().get("error");
    assertEquals("java.lang.IllegalStateException", error.get("Error").asText());
    JsonNode cause = JSON.readTree(error.get("Cause").asText());
    assertEquals(List.of("errorMessage", "errorType", "stackTrace"), fieldNames(cause));
    assertEquals("policy P-7 has lapsed", cause.get("errorMessage").asText());
    assertEquals("java.lang.IllegalStateException", cause.get("errorType").asText());
    assertEquals(
        "io.asl4j.runtime.JavaHandlerErrorsTest.refuse(JavaHandlerErrorsTest.java:31)",
        cause.get("stackTrace").get(0).asText());
    // the frames stop where the interpreter called the handler
    cause
        .get("stackTrace")
        .forEach(
            frame -> assertEquals(false, frame.asText().startsWith("io.asl4j.runtime.internal")));
    // and the Throwable itself stays on the execution
    assertEquals(1, execution.taskExceptions().size());
    assertEquals("policy P-7 has lapsed", execution.taskExceptions().get(0).getMessage());
  }

  @Test
  void anUncaughtNullPointerExceptionFailsTheExecutionWithItsClassNameMessageAndLine()
      throws Exception {
    // given: a handler that reads a field the input does not have
    LocalStateMachine machine =
        LocalStateMachine.builder(CLAIM)
            .handler(
                CHECK,
                (input, ctx) -> JSON.createObjectNode().put("policy", input.get("policy").asText()))
            .build();

    // when
    Execution execution = machine.run(JSON.readTree("{}"));

    // then
    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("java.lang.NullPointerException", execution.error());
    JsonNode cause = JSON.readTree(execution.cause());
    assertEquals(
        "Cannot invoke \"com.fasterxml.jackson.databind.JsonNode.asText()\" because the return value of"
            + " \"com.fasterxml.jackson.databind.JsonNode.get(String)\" is null",
        cause.get("errorMessage").asText());
    assertEquals("java.lang.NullPointerException", cause.get("errorType").asText());
    // the handler's lambda, at the line that dereferenced null (javac numbers lambdas: $N varies)
    String frame = cause.get("stackTrace").get(0).asText();
    assertEquals(
        "io.asl4j.runtime.JavaHandlerErrorsTest.lambda$anUncaughtNullPointerExceptionFailsTheExecutionWithItsClassNameMessageAndLine$ (JavaHandlerErrorsTest.java:76)",
        frame.replaceAll("\\$\\d+\\(", "\\$ ("));
    assertEquals(1, cause.get("stackTrace").size());
    assertEquals(NullPointerException.class, execution.taskExceptions().get(0).getClass());
  }

  @Test
  void aStatesErrorThrownByAHandlerKeepsItsNameAndCause() throws Exception {
    LocalStateMachine machine =
        LocalStateMachine.builder(CLAIM)
            .handler(
                CHECK,
                (input, ctx) -> {
                  throw new StatesError("ClaimRejected", "not covered");
                })
            .build();

    Execution execution = machine.run(JSON.readTree("{}"));

    assertEquals("ClaimRejected", execution.error());
    assertEquals("not covered", execution.cause());
    assertEquals(List.of(), execution.taskExceptions());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
