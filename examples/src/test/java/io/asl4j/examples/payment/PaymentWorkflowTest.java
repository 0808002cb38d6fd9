package io.asl4j.examples.payment;

import static io.asl4j.junit.ExecutionAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asl4j.junit.Asl4jRuntime;
import io.asl4j.junit.Asl4jTest;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.LocalStateMachine;
import io.asl4j.runtime.StatesError;
import io.asl4j.runtime.services.AwsServices;
import io.asl4j.runtime.services.Sns;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@Asl4jTest
class PaymentWorkflowTest {
  static LocalStateMachine machine(Asl4jRuntime asl4j) {
    return PaymentTasks.bind(asl4j.configure(PaymentWorkflowDefinition.localMachine())).build();
  }

  @Test
  void anApprovedPaymentFulfilsTheOrderInParallel(Asl4jRuntime asl4j) {
    Execution execution =
        asl4j.run(machine(asl4j), PaymentOrder.of("P-1", "ann@example.com", "Desk", 1, 450));

    assertThat(execution)
        .succeeded()
        .passedThroughInOrder(
            "ValidateOrder", "ProcessPayment", "IsPaymentApproved", "FulfillOrder")
        .passedThrough("UpdateInventory", "SendConfirmationEmail")
        .hasOutput(
            List.of(
                new Receipt("P-1", "inventory", "reserved 1 x Desk"),
                new Receipt("P-1", "email", "sent to ann@example.com")));
  }

  @Test
  void aDeclinedPaymentFails(Asl4jRuntime asl4j) {
    Execution execution =
        asl4j.run(machine(asl4j), PaymentOrder.of("P-2", "ann@example.com", "Car", 1, 25_000));

    assertThat(execution)
        .failedWith("PaymentFailed", "Payment was not approved")
        .didNotPassThrough("FulfillOrder");
  }

  @Test
  void anInvalidOrderSendsAFailureNotification(Asl4jRuntime asl4j, AwsServices services) {
    Execution execution = asl4j.run(machine(asl4j), PaymentOrder.of("P-3", null, "Lamp", 1, 30));

    assertThat(execution).succeeded().hasPath("ValidateOrder", "SendFailureNotification");
    List<Sns.Message> published = services.sns().published(PaymentWorkflow.FAILURE_TOPIC);
    assertEquals(1, published.size());
    assertEquals("Order P-3 has no quantity or no customer email", published.get(0).message());
  }

  @Test
  void theProcessorIsRetriedWithBackOff(Asl4jRuntime asl4j) {
    AtomicInteger attempts = new AtomicInteger();
    LocalStateMachine machine =
        PaymentTasks.bind(asl4j.configure(PaymentWorkflowDefinition.localMachine()))
            .handler(
                PaymentWorkflow.LAMBDA + "ProcessPayment",
                (input, ctx) -> {
                  if (attempts.incrementAndGet() < 3) {
                    throw new StatesError("PaymentGatewayUnavailable", "503 from the gateway");
                  }
                  PaymentOrder order =
                      new com.fasterxml.jackson.databind.ObjectMapper()
                          .convertValue(input, PaymentOrder.class);
                  return Asl4jRuntime.json(PaymentTasks.processPayment(order));
                })
            .build();

    Execution execution =
        asl4j.run(machine, PaymentOrder.of("P-4", "ann@example.com", "Chair", 2, 120));

    assertThat(execution).succeeded().took(Duration.ofSeconds(2 + 4));
    assertEquals(3, attempts.get());
  }

  @Test
  void theBuilderWritesTheSameAsl() {
    assertEquals(
        Asl4jRuntime.json(PaymentWorkflowDefinition.aslJson()),
        Asl4jRuntime.json(io.asl4j.dsl.json.AslWriter.write(PaymentOrderWorkflow.stateMachine())));
  }
}
