package io.asl4j.junit;

import static io.asl4j.junit.ExecutionAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asl4j.runtime.Execution;
import io.asl4j.runtime.LocalStateMachine;
import io.asl4j.runtime.StatesError;
import io.asl4j.runtime.services.AwsServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

@Asl4jTest
class Asl4jExtensionTest {
  static final String VALIDATE = "arn:aws:lambda:us-east-1:123456789012:function:validate";

  static final String ORDERS =
      """
      {
        "StartAt": "Validate",
        "States": {
          "Validate": {"Type": "Task", "Resource": "%s",
            "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "OrderFailed"}], "Next": "CheckPriority"},
          "CheckPriority": {"Type": "Choice",
            "Choices": [{"Variable": "$.priority", "StringEquals": "express", "Next": "ExpressShip"}],
            "Default": "StandardShip"},
          "ExpressShip": {"Type": "Pass", "Result": "express", "ResultPath": "$.ship", "Next": "Settle"},
          "StandardShip": {"Type": "Pass", "Result": "standard", "ResultPath": "$.ship", "Next": "Settle"},
          "Settle": {"Type": "Wait", "Seconds": 86400, "Next": "Done"},
          "Done": {"Type": "Succeed"},
          "OrderFailed": {"Type": "Fail", "Error": "InvalidOrder", "Cause": "Validation failed"}
        }
      }
      """
          .formatted(VALIDATE);

  record Order(String orderId, String priority) {}

  record Validated(String orderId, String priority, boolean valid) {}

  @Test
  void injectsARuntimeOnAVirtualClock(Asl4jRuntime asl4j) {
    asl4j.function(VALIDATE, Order.class, o -> new Validated(o.orderId(), o.priority(), true));

    long started = System.nanoTime();
    Execution execution = asl4j.run(asl4j.machine(ORDERS), new Order("o-1", "express"));

    assertTrue(
        Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10,
        "a day's Wait takes no real time");
    assertThat(execution)
        .succeeded()
        .passedThrough("ExpressShip")
        .didNotPassThrough("StandardShip", "OrderFailed")
        .passedThroughInOrder("Validate", "ExpressShip", "Done")
        .hasPath("Validate", "CheckPriority", "ExpressShip", "Settle", "Done")
        .took(Duration.ofDays(1))
        .hasOutput(
            "{\"orderId\": \"o-1\", \"priority\": \"express\", \"valid\": true, \"ship\": \"express\"}")
        .output()
        .hasField("ship", "express")
        .at("/valid")
        .isEqualTo(true);
    assertEquals(Instant.parse(Asl4jRuntime.DEFAULT_CLOCK), execution.history().get(0).timestamp());
    assertEquals(
        new Validated("o-1", "express", true), assertThat(execution).outputAs(Validated.class));
    assertEquals(1, asl4j.executions().size());
  }

  @Test
  void failedWithNamesTheErrorAndCause(Asl4jRuntime asl4j) {
    asl4j.handler(
        VALIDATE,
        (in, ctx) -> {
          throw new StatesError("ValidationError", "no orderId");
        });

    Execution execution = asl4j.run(asl4j.machine(ORDERS), "{}");

    assertThat(execution)
        .failedWith("InvalidOrder")
        .failedWith("InvalidOrder", "Validation failed")
        .passedThrough("OrderFailed")
        .hasEvent("ExecutionFailed");
  }

  @Test
  void redrivenCountsTheRedrivesOfAnExecution(Asl4jRuntime asl4j) {
    int[] calls = {0};
    asl4j.handler(
        VALIDATE,
        (in, ctx) -> {
          if (calls[0]++ == 0) {
            throw new StatesError("Flaky", "first call");
          }
          return in;
        });
    Execution execution =
        asl4j.run(
            asl4j.machine(
                "{\"StartAt\":\"Validate\",\"States\":{\"Validate\":{\"Type\":\"Task\",\"Resource\":\""
                    + VALIDATE
                    + "\",\"End\":true}}}"),
            "{\"orderId\": \"o-3\"}");
    assertThat(execution).failedWith("Flaky").redriven(0);

    execution.redrive().await();

    assertThat(execution).succeeded().hasOutput("{\"orderId\": \"o-3\"}").redriven(1);
    AssertionFailedError error =
        assertThrows(AssertionFailedError.class, () -> assertThat(execution).redriven(2));
    assertTrue(
        error
            .getMessage()
            .startsWith(
                "expected the execution to be redriven 2 times but it was redriven 1 times\n"),
        error.getMessage());
  }

  @Test
  void aFailingAssertionShowsThePathAndTheLastEvents(Asl4jRuntime asl4j) {
    asl4j.handler(VALIDATE, (in, ctx) -> in);
    Execution execution =
        asl4j.run(asl4j.machine(ORDERS), "{\"orderId\": \"o-2\", \"priority\": \"normal\"}");

    AssertionFailedError error =
        assertThrows(
            AssertionFailedError.class, () -> assertThat(execution).passedThrough("ExpressShip"));

    String message = error.getMessage();
    assertTrue(
        message.startsWith(
            "expected the execution to pass through [\"ExpressShip\"] but it did not\n"),
        message);
    assertTrue(message.contains("SUCCEEDED"), message);
    assertTrue(
        message.contains("  path: Validate -> CheckPriority -> StandardShip -> Settle -> Done"),
        message);
    assertTrue(message.contains("  last events (8 of "), message);
    assertTrue(message.contains("+1d0.000s ExecutionSucceeded"), message);
    assertTrue(message.contains("WaitStateExited Settle"), message);
  }

  @Test
  void statusAndOutputMismatchesCarryExpectedAndActual(Asl4jRuntime asl4j) {
    asl4j.handler(
        VALIDATE,
        (in, ctx) -> {
          throw new StatesError("Boom", "it broke");
        });
    Execution execution = asl4j.run(asl4j.machine(ORDERS), "{}");

    AssertionFailedError status =
        assertThrows(AssertionFailedError.class, () -> assertThat(execution).succeeded());
    assertTrue(
        status.getMessage().startsWith("expected the execution to be SUCCEEDED but it is FAILED\n"),
        status.getMessage());
    assertTrue(
        status.getMessage().contains("FAILED (InvalidOrder: Validation failed)"),
        status.getMessage());
    assertTrue(status.getMessage().contains("path: Validate -> OrderFailed"), status.getMessage());
    assertEquals("SUCCEEDED", status.getExpected().getStringRepresentation());

    AssertionFailedError wrongError =
        assertThrows(
            AssertionFailedError.class, () -> assertThat(execution).failedWith("PaymentFailed"));
    assertTrue(
        wrongError
            .getMessage()
            .startsWith(
                "expected the execution to fail with \"PaymentFailed\" but it failed with \"InvalidOrder\""));

    AssertionFailedError noOutput =
        assertThrows(AssertionFailedError.class, () -> assertThat(execution).hasOutput("{}"));
    assertTrue(
        noOutput
            .getMessage()
            .startsWith("expected the execution to have an output but it is FAILED"));
  }

  @Test
  void outputMismatchShowsBothJsons(Asl4jRuntime asl4j) {
    asl4j.handler(VALIDATE, (in, ctx) -> in);
    Execution execution = asl4j.run(asl4j.machine(ORDERS), "{\"priority\": \"express\"}");

    AssertionFailedError error =
        assertThrows(
            AssertionFailedError.class,
            () -> assertThat(execution).output().at("/ship").isEqualTo("\"standard\""));

    assertTrue(
        error
            .getMessage()
            .startsWith("expected the output at /ship to be \"standard\" but it is \"express\""),
        error.getMessage());
    assertThat(execution).hasOutput("{\"priority\": \"express\", \"ship\": \"express\"}");
    assertThat(execution).output().isEqualTo("{\"ship\": \"express\", \"priority\": \"express\"}");
  }

  @Test
  @Asl4jTest(clock = "2030-06-01T12:00:00Z")
  void theClockStartsWhereTheMethodSays(Asl4jRuntime asl4j) {
    asl4j.handler(VALIDATE, (in, ctx) -> in);
    Execution execution = asl4j.run(asl4j.machine(ORDERS), "{\"priority\": \"express\"}");
    assertThat(execution).succeeded();
    assertEquals(Instant.parse("2030-06-01T12:00:00Z"), execution.history().get(0).timestamp());
    assertEquals(
        Instant.parse("2030-06-02T12:00:00Z"),
        execution.history().get(execution.history().size() - 1).timestamp());
  }

  @Test
  void servicesAreInjectedAndRegistered(Asl4jRuntime asl4j, AwsServices services) {
    assertSame(asl4j.services(), services);
    services.dynamoDb().createTable("Orders", "orderId");
    String definition =
        """
        {"StartAt": "Put", "States": {"Put": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem",
          "Parameters": {"TableName": "Orders", "Item": {"orderId": {"S.$": "$.orderId"}}}, "End": true}}}
        """;

    Execution execution = asl4j.run(asl4j.machine(definition), "{\"orderId\": \"o-9\"}");

    assertThat(execution).succeeded();
    assertEquals(1, services.dynamoDb().items("Orders").size());
  }

  @Test
  void mockConfigFilesAnswerStates(Asl4jRuntime asl4j, @TempDir Path dir) throws Exception {
    Path mocks = dir.resolve("MockConfigFile.json");
    Files.writeString(
        mocks,
        """
        {"StateMachines": {"Orders": {"TestCases": {"Invalid": {"Validate": "ValidateFails"}}}},
         "MockedResponses": {"ValidateFails": {"0": {"Throw": {"Error": "ValidationError", "Cause": "bad"}}}}}
        """);
    asl4j.mocks(mocks, "Orders", "Invalid");

    Execution execution = asl4j.run(asl4j.machine(ORDERS), "{}");

    assertThat(execution).failedWith("InvalidOrder").passedThrough("OrderFailed");
  }

  @Test
  void callbacksCanBeDrivenStepByStep(Asl4jRuntime asl4j) {
    String definition =
        """
        {"StartAt": "Approve", "States": {"Approve": {"Type": "Task",
          "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "TimeoutSeconds": 3600,
          "Parameters": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/approvals",
                         "MessageBody": {"token.$": "$$.Task.Token"}}, "End": true}}}
        """;
    asl4j.services().sqs().createQueue("approvals");
    LocalStateMachine machine = asl4j.machine(definition);

    Execution execution = asl4j.start(machine, "{}").runUntilWaiting();
    machine.sendTaskSuccess(
        execution.waitingTaskTokens().get(0), Asl4jRuntime.json("{\"approved\": true}"));
    execution.await();

    assertThat(execution).succeeded().hasOutput("{\"approved\": true}");
    Execution late = asl4j.start(machine, "{}").await();
    assertThat(late).failedWith("States.Timeout").tookAtLeast(Duration.ofHours(1));
  }
}
