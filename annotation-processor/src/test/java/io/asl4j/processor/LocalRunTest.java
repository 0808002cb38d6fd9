package io.asl4j.processor;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asl4j.dsl.TaskBindings;
import io.asl4j.dsl.json.AslWriter;
import io.asl4j.processor.golden.Order;
import io.asl4j.processor.golden.OrderPaths;
import io.asl4j.processor.golden.OrderWorkflowDefinition;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.ExecutionStatus;
import io.asl4j.runtime.LocalStateMachine;
import io.asl4j.runtime.StatesError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The workflows in {@code golden} were compiled by Maven's testCompile with this processor: their
 * generated definitions run on the local runtime with typed Java task implementations.
 */
class LocalRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void generatedDefinitionRunsWithTypedTaskImplementations() throws IOException {
    // given
    List<String> calls = new ArrayList<>();
    LocalStateMachine machine =
        OrderWorkflowDefinition.tasks()
            .validateOrder(
                order -> {
                  calls.add("validate " + order.orderId());
                  return new Order(order.orderId(), order.total(), order.paymentStatus(), true);
                })
            .processPayment(
                order ->
                    new Order(
                        order.orderId(),
                        order.total(),
                        order.total() < 500 ? "APPROVED" : "DECLINED",
                        order.validated()))
            .updateInventory(
                order -> {
                  calls.add("inventory " + order.orderId() + " validated=" + order.validated());
                  return order;
                })
            .bindTo(OrderWorkflowDefinition.localMachine())
            .handler(
                "arn:aws:lambda:us-east-1:123:function:SendEmail",
                (input, ctx) -> JSON.createObjectNode().put("sent", true))
            .build();

    // when
    Execution execution =
        machine.run(
            JSON.readTree("{\"orderId\": \"o-1\", \"total\": 120.5, \"customer\": \"ann\"}"));

    // then
    assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(execution.statesEntered())
        .containsAtLeast(
            "ValidateOrder",
            "ProcessPayment",
            "IsPaymentApproved",
            "FulfillOrder",
            "UpdateInventory")
        .inOrder();
    assertThat(calls).containsExactly("validate o-1", "inventory o-1 validated=true").inOrder();
    JsonNode inventory = execution.output().get(0);
    assertThat(inventory.get("paymentStatus").asText()).isEqualTo("APPROVED");
    assertThat(execution.output().get(1).get("sent").asBoolean()).isTrue();
  }

  @Test
  void theRuntimeBindsTheGeneratedTasksThroughTheDslInterfaceAlone() throws IOException {
    // given: what a main compilation without the runtime can hand a test
    TaskBindings tasks =
        OrderWorkflowDefinition.tasks()
            .validateOrder(
                order -> new Order(order.orderId(), order.total(), order.paymentStatus(), true))
            .processPayment(
                order -> new Order(order.orderId(), order.total(), "APPROVED", order.validated()))
            .updateInventory(order -> order);
    LocalStateMachine machine =
        LocalStateMachine.bind(tasks)
            .handler(
                "arn:aws:lambda:us-east-1:123:function:SendEmail",
                (input, ctx) -> JSON.createObjectNode().put("sent", true))
            .build();

    // when
    Execution execution = machine.run(JSON.readTree("{\"orderId\": \"o-9\", \"total\": 20}"));

    // then
    assertThat(tasks.machineName()).isEqualTo("OrderWorkflow");
    assertThat(tasks.stateMachine()).isSameInstanceAs(OrderWorkflowDefinition.stateMachine());
    assertThat(tasks.resources())
        .containsEntry("ValidateOrder", "arn:aws:lambda:us-east-1:123:function:ValidateOrder");
    assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(execution.arn()).contains(":execution:OrderWorkflow:");
    assertThat(execution.output().get(0).get("paymentStatus").asText()).isEqualTo("APPROVED");
    assertThat(execution.output().get(0).get("validated").asBoolean()).isTrue();
  }

  @Test
  void aStateOfABoundResourceWithoutAnImplementationFailsNamingIt() throws IOException {
    // given: ProcessPayment's implementation is missing
    LocalStateMachine machine =
        LocalStateMachine.bind(OrderWorkflowDefinition.tasks().validateOrder(order -> order))
            .build();

    // when
    Execution execution = machine.run(JSON.readTree("{\"orderId\": \"o-10\", \"total\": 20}"));

    // then
    assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(execution.error()).isEqualTo("States.TaskFailed");
    assertThat(execution.cause())
        .startsWith(
            "No task handler is registered for resource 'arn:aws:lambda:us-east-1:123:function:ProcessPayment'");
  }

  @Test
  void typedChoiceRoutesOnTheTaskResult() throws IOException {
    // given: payment declined, so the Choice's Default fails the execution
    LocalStateMachine machine =
        OrderWorkflowDefinition.tasks()
            .validateOrder(order -> order)
            .processPayment(order -> new Order(order.orderId(), order.total(), "DECLINED", false))
            .bindTo(OrderWorkflowDefinition.localMachine())
            .build();

    // when
    Execution execution = machine.run(JSON.readTree("{\"orderId\": \"o-2\", \"total\": 900}"));

    // then
    assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(execution.error()).isEqualTo("PaymentFailed");
  }

  @Test
  void aStatesErrorFromATypedImplementationIsCaught() throws IOException {
    // given
    LocalStateMachine machine =
        OrderWorkflowDefinition.tasks()
            .validateOrder(
                order -> {
                  throw new StatesError("ValidationError", "no items");
                })
            .bindTo(OrderWorkflowDefinition.localMachine())
            .handler(
                "arn:aws:lambda:us-east-1:123:function:SendFailureNotification",
                (input, ctx) -> JSON.createObjectNode().put("MessageId", "m-1"))
            .build();

    // when
    Execution execution = machine.run(JSON.readTree("{\"orderId\": \"o-3\", \"total\": 1}"));

    // then
    assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(execution.statesEntered()).contains("SendFailureNotification");
  }

  @Test
  void definitionExposesTheModelTheAslAndTheResource() throws IOException {
    String onClassPath;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream(OrderWorkflowDefinition.RESOURCE)) {
      onClassPath = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(onClassPath).isEqualTo(OrderWorkflowDefinition.aslJson());
    assertThat(AslWriter.write(OrderWorkflowDefinition.stateMachine()))
        .isEqualTo(OrderWorkflowDefinition.aslJson());
    assertThat(OrderWorkflowDefinition.aslJson())
        .isEqualTo(GoldenTest.golden("OrderWorkflow.asl.json"));
    assertThat(OrderWorkflowDefinition.NAME).isEqualTo("OrderWorkflow");
  }

  @Test
  void pathMetamodelRendersTypedPaths() {
    assertThat(OrderPaths.total().path()).isEqualTo("$.total");
    assertThat(OrderPaths.total()).isInstanceOf(io.asl4j.dsl.builder.NumberPath.class);
    assertThat(OrderPaths.paymentStatus()).isInstanceOf(io.asl4j.dsl.builder.StringPath.class);
    assertThat(OrderPaths.validated()).isInstanceOf(io.asl4j.dsl.builder.BooleanPath.class);
    assertThat(OrderPaths.ORDER_ID).isEqualTo("$.orderId");
  }

  @Test
  void byStateNameGivesJsonFunctionsWithoutTheRuntime() throws IOException {
    var functions = OrderWorkflowDefinition.tasks().validateOrder(order -> order).byStateName();
    JsonNode result =
        functions.get("ValidateOrder").apply(JSON.readTree("{\"orderId\": \"o-4\", \"extra\": 1}"));
    assertThat(result.get("orderId").asText()).isEqualTo("o-4");
    assertThat(functions.keySet()).containsExactly("ValidateOrder");
  }

  @Test
  void byResourceRegistersWithARunnerWithoutGeneratedRuntimeCode() throws IOException {
    LocalStateMachine.Builder builder = OrderWorkflowDefinition.localMachine();
    OrderWorkflowDefinition.tasks()
        .validateOrder(order -> order)
        .processPayment(order -> new Order(order.orderId(), order.total(), "APPROVED", true))
        .updateInventory(order -> order)
        .byResource()
        .forEach(
            (resource, f) -> builder.handler(resource, (in, ctx) -> f.apply(ctx.stateName(), in)));
    builder.handler("arn:aws:lambda:us-east-1:123:function:SendEmail", (input, ctx) -> input);
    Execution execution =
        builder.build().run(JSON.readTree("{\"orderId\": \"o-5\", \"total\": 3}"));
    assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }
}
