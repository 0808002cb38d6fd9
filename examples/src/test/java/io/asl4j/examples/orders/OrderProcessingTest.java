package io.asl4j.examples.orders;

import static io.asl4j.junit.ExecutionAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.json.AslWriter;
import io.asl4j.junit.Asl4jRuntime;
import io.asl4j.junit.Asl4jTest;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.LocalStateMachine;
import io.asl4j.runtime.StatesError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The order-processing demo's three runs, on the JUnit extension's virtual clock. */
@Asl4jTest
class OrderProcessingTest {
  static LocalStateMachine machine(Asl4jRuntime asl4j) {
    return OrderTasks.bind(asl4j.configure(OrderProcessingDefinition.localMachine())).build();
  }

  @Test
  void expressOrder(Asl4jRuntime asl4j) {
    Execution execution =
        asl4j.run(machine(asl4j), Order.of("ORD-001", "Laptop", 1, 999, "express"));

    assertThat(execution)
        .succeeded()
        .passedThrough("ExpressShip", "Notify", "UpdateDB")
        .didNotPassThrough("StandardShip", "OrderFailed")
        .took(Duration.ofSeconds(2))
        .output()
        .hasField("shipMethod", "express")
        .at("/notifications")
        .isEqualTo(
            "[{\"orderId\": \"ORD-001\", \"channel\": \"email\", \"message\": \"Your Laptop ships express\"},"
                + " {\"orderId\": \"ORD-001\", \"item\": \"Laptop\", \"reserved\": 1}]");
  }

  @Test
  void anOrderCostsAFiftiethOfACentAsStandardAndLessAsExpress(Asl4jRuntime asl4j) {
    Execution execution =
        asl4j.run(machine(asl4j), Order.of("ORD-001", "Laptop", 1, 999, "express"));

    // 8 state transitions x $0.000025; Express: one request and 2 s at 64 MB
    assertThat(execution).costsAtMostAsStandard("0.0002").costsAtMostAsExpress("0.000004");
  }

  @Test
  void standardOrder(Asl4jRuntime asl4j) {
    Execution execution = asl4j.run(machine(asl4j), Order.of("ORD-002", "Book", 2, 15, "standard"));

    assertThat(execution)
        .succeeded()
        .hasPath(
            "ValidateOrder",
            "CheckPriority",
            "StandardShip",
            "NotifyAndUpdate",
            "Notify",
            "UpdateDB",
            "WaitForProcessing",
            "OrderComplete");
    Order order = assertThat(execution).outputAs(Order.class);
    assertEquals(30.0, order.total());
    assertEquals("standard", order.shipMethod());
  }

  @Test
  void aStandardOrderOver100ShipsExpress(Asl4jRuntime asl4j) {
    Execution execution =
        asl4j.run(machine(asl4j), Order.of("ORD-004", "Monitor", 1, 250, "standard"));

    assertThat(execution)
        .succeeded()
        .passedThrough("ExpressShip")
        .output()
        .hasField("total", 250.0);
  }

  @Test
  void failedValidation(Asl4jRuntime asl4j) {
    Execution execution =
        asl4j.run(machine(asl4j), Order.of("ORD-003", "Phone", 0, 599, "standard"));

    // a task's error is a States.TaskFailed too: retried twice (2 s, then 4 s), then caught
    assertThat(execution)
        .failedWith("InvalidOrder", "Validation failed")
        .hasPath("ValidateOrder", "OrderFailed")
        .took(Duration.ofSeconds(6));
  }

  @Test
  void aTransientFailureIsRetried(Asl4jRuntime asl4j) {
    AtomicInteger calls = new AtomicInteger();
    LocalStateMachine machine =
        OrderTasks.bind(asl4j.configure(OrderProcessingDefinition.localMachine()))
            .handler(
                OrderProcessing.LAMBDA + "sfn-validate-order",
                (input, ctx) -> {
                  if (calls.incrementAndGet() == 1) {
                    throw new StatesError("Lambda.ServiceException", "try again");
                  }
                  return input;
                })
            .build();

    Execution execution =
        asl4j.run(
            machine,
            "{\"orderId\": \"ORD-5\", \"item\": \"Pen\", \"quantity\": 1, \"price\": 2, \"priority\": \"express\"}");

    assertThat(execution).succeeded().enteredTimes("ValidateOrder", 1).took(Duration.ofSeconds(4));
    assertEquals(2, calls.get());
  }

  @Test
  void theAnnotatedClassTheBuilderAndTheDeployedFileAreTheSameAsl() throws IOException {
    String deployed;
    try (InputStream in =
        OrderProcessingTest.class.getResourceAsStream("/workflows/order-processing.asl.json")) {
      deployed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // the same states and fields; only the order the states are written in differs
    JsonNode annotated = Asl4jRuntime.json(OrderProcessingDefinition.aslJson());
    assertEquals(Asl4jRuntime.json(AslWriter.write(AslReader.read(deployed))), annotated);
    assertEquals(
        annotated, Asl4jRuntime.json(AslWriter.write(OrderProcessingWorkflow.stateMachine())));
  }
}
