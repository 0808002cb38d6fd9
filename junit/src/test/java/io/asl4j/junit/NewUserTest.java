package io.asl4j.junit;

import static io.asl4j.junit.ExecutionAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.TaskBindings;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.services.AwsServices;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * What a new user meets first: string outputs, JSONPath, Java exceptions, service fakes, typed
 * bindings.
 */
@Asl4jTest
class NewUserTest {
  static final String ASSESS = "arn:aws:lambda:us-east-1:123456789012:function:assess";

  static final String CLAIM =
      """
      {
        "StartAt": "Assess",
        "States": {
          "Assess": {"Type": "Task", "Resource": "%s", "ResultPath": "$.approval", "Next": "Notify"},
          "Notify": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish",
            "Parameters": {"TopicArn": "arn:aws:sns:us-east-1:123456789012:claims", "Message.$": "$.claimId"},
            "ResultPath": null, "End": true}
        }
      }
      """
          .formatted(ASSESS);

  @Test
  void aStringOutputComparesAsTheStringByJsonPointerJsonPathAndField(Asl4jRuntime asl4j) {
    asl4j.handler(
        ASSESS, (in, ctx) -> Asl4jRuntime.json("{\"adjuster\": \"auto\", \"amount\": 120}"));

    Execution execution = asl4j.run(asl4j.machine(CLAIM), "{\"claimId\": \"C-1\"}");

    assertThat(execution).succeeded().output().at("/approval/adjuster").isEqualTo("auto");
    assertThat(execution).output().at("$.approval.adjuster").isEqualTo("auto");
    assertThat(execution)
        .output()
        .at("$.approval")
        .hasField("adjuster", "auto")
        .hasField("amount", 120);
    // JSON text still works, and a number's text is the number
    assertThat(execution).output().at("/approval/adjuster").isEqualTo("\"auto\"");
    assertThat(execution).output().at("$.approval.amount").isEqualTo("120.0");
    assertThat(execution)
        .output()
        .at("$.approval")
        .isEqualTo("{\"amount\": 120, \"adjuster\": \"auto\"}");
  }

  @Test
  void aWrongStringOrAMissingPathFailsWithWhereAndWhat(Asl4jRuntime asl4j) {
    asl4j.handler(
        ASSESS, (in, ctx) -> Asl4jRuntime.json("{\"adjuster\": \"auto\", \"amount\": 120}"));
    Execution execution = asl4j.run(asl4j.machine(CLAIM), "{\"claimId\": \"C-2\"}");

    AssertionFailedError wrong =
        assertThrows(
            AssertionFailedError.class,
            () -> assertThat(execution).output().at("$.approval.adjuster").isEqualTo("manual"));
    AssertionFailedError notAString =
        assertThrows(
            AssertionFailedError.class,
            () -> assertThat(execution).output().at("/approval/amount").isEqualTo("auto"));
    AssertionFailedError missing =
        assertThrows(
            AssertionFailedError.class,
            () -> assertThat(execution).output().at("$.approval.reviewer"));
    IllegalArgumentException badPath =
        assertThrows(
            IllegalArgumentException.class,
            () -> assertThat(execution).output().at("$.approval[?(@.x =="));

    assertTrue(
        wrong
            .getMessage()
            .startsWith(
                "expected the output at $.approval.adjuster to be \"manual\" but it is \"auto\"\n"),
        wrong.getMessage());
    assertTrue(
        notAString
            .getMessage()
            .startsWith("expected the output at /approval/amount to be \"auto\" but it is 120\n"),
        notAString.getMessage());
    assertTrue(
        missing
            .getMessage()
            .startsWith(
                "expected the output to have $.approval.reviewer but it is {\"claimId\":\"C-2\",\"approval\":{\"adjuster\":\"auto\",\"amount\":120}}\n"),
        missing.getMessage());
    assertTrue(
        badPath.getMessage().startsWith("not a JSON Pointer or JSONPath: $.approval[?(@.x =="),
        badPath.getMessage());
  }

  @Test
  void aJsonPathSelectingSeveralValuesGivesThemAsAnArray(Asl4jRuntime asl4j) {
    String definition =
        "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}";

    Execution execution =
        asl4j.run(
            asl4j.machine(definition),
            "{\"items\": [{\"sku\": \"a\", \"qty\": 1}, {\"sku\": \"b\", \"qty\": 3}]}");

    assertThat(execution).output().at("$.items[?(@.qty > 1)].sku").isEqualTo("[\"b\"]");
    assertThat(execution).output().at("$.items[*].sku").isEqualTo("[\"a\", \"b\"]");
  }

  @Test
  void aFailureMessageShowsTheStackTraceOfWhatAHandlerThrew(Asl4jRuntime asl4j) {
    asl4j.handler(ASSESS, (in, ctx) -> assess(in));
    Execution execution = asl4j.run(asl4j.machine(CLAIM), "{\"claimId\": \"C-3\"}");

    AssertionFailedError error =
        assertThrows(AssertionFailedError.class, () -> assertThat(execution).succeeded());

    assertEquals("java.lang.IllegalStateException", execution.error());
    String message = error.getMessage();
    assertTrue(
        message.contains(
            "\n  exceptions thrown by task handlers (1):\n"
                + "    java.lang.IllegalStateException: no adjuster for claim C-3\n"
                + "      at io.asl4j.junit.NewUserTest.assess(NewUserTest.java:"
                + ASSESS_LINE
                + ")\n"),
        message);
    assertSame(execution.taskExceptions().get(0), error.getCause());
  }

  private static final int ASSESS_LINE = 148;

  private static JsonNode assess(JsonNode claim) {
    throw new IllegalStateException("no adjuster for claim " + claim.get("claimId").asText());
  }

  @Test
  void theServiceFakesAnswerSnsPublishByDefault(Asl4jRuntime asl4j, AwsServices services) {
    asl4j.handler(ASSESS, (in, ctx) -> Asl4jRuntime.json("{\"adjuster\": \"auto\"}"));

    Execution execution = asl4j.run(asl4j.machine(CLAIM), "{\"claimId\": \"C-4\"}");

    assertThat(execution)
        .succeeded()
        .hasOutput("{\"claimId\": \"C-4\", \"approval\": {\"adjuster\": \"auto\"}}");
    assertEquals(1, services.sns().published("arn:aws:sns:us-east-1:123456789012:claims").size());
  }

  @Test
  @Asl4jTest(services = false)
  void withoutTheServiceFakesTheErrorSaysHowToRegisterThem(Asl4jRuntime asl4j) {
    asl4j.handler(ASSESS, (in, ctx) -> Asl4jRuntime.json("{\"adjuster\": \"auto\"}"));

    Execution execution = asl4j.run(asl4j.machine(CLAIM), "{\"claimId\": \"C-5\"}");

    assertThat(execution)
        .failedWith(
            "States.TaskFailed",
            "No task handler is registered for resource 'arn:aws:states:::sns:publish'. Registered resources: ["
                + ASSESS
                + "]."
                + " asl4j's in-memory service fakes answer it: register them with"
                + " LocalStateMachine.Builder.services(AwsServices.create()) (asl4j-junit's @Asl4jTest registers them"
                + " unless services = false)");
  }

  /** What a generated {@code <Workflow>Definition.tasks()} is, written by hand. */
  record ClaimTasks(Map<String, UnaryOperator<JsonNode>> byStateName) implements TaskBindings {
    @Override
    public String machineName() {
      return "ClaimHandling";
    }

    @Override
    public StateMachine stateMachine() {
      return AslReader.read(CLAIM);
    }

    @Override
    public Map<String, String> resources() {
      return Map.of("Assess", ASSESS);
    }
  }

  @Test
  void bindRunsTypedTasksOnTheTestsClockWithTheFakes(Asl4jRuntime asl4j) {
    ClaimTasks tasks =
        new ClaimTasks(Map.of("Assess", in -> Asl4jRuntime.json("{\"adjuster\": \"auto\"}")));

    Execution execution = asl4j.run(asl4j.bind(tasks).build(), "{\"claimId\": \"C-6\"}");

    assertThat(execution).succeeded().output().at("$.approval.adjuster").isEqualTo("auto");
    assertTrue(execution.arn().contains(":execution:ClaimHandling:"), execution.arn());
    assertEquals(asl4j.clockStart(), execution.history().get(0).timestamp());
  }
}
