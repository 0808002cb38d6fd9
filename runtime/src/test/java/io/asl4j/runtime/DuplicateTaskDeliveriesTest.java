package io.asl4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.model.StateMachineType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link LocalStateMachine.Builder#duplicateTaskDeliveries(double)}: Express at-least-once delivery
 * made provocable, so a test catches a handler that is not idempotent.
 */
class DuplicateTaskDeliveriesTest {
  private static final String CHARGE = "arn:aws:lambda:us-east-1:123456789012:function:charge";
  private static final String ONE_TASK =
      "{'StartAt':'Charge','States':{'Charge':{'Type':'Task','Resource':'"
          + CHARGE
          + "','End':true}}}";

  private static JsonNode json(String text) {
    return TestJson.json(text.replace('\'', '"'));
  }

  private static LocalStateMachine.Builder express(String definition) {
    return LocalStateMachine.builder(definition.replace('\'', '"'))
        .type(StateMachineType.EXPRESS)
        .virtualClock(Instant.parse("2025-01-01T00:00:00Z"))
        .seed(11);
  }

  private static List<String> types(Execution execution) {
    return execution.history().stream().map(HistoryEvent::type).collect(Collectors.toList());
  }

  /** Charges the card every time it is called: the bug at-least-once delivery exposes. */
  private static TaskHandler nonIdempotentCharge(List<String> charges) {
    return (input, ctx) -> {
      charges.add(input.get("order").asText());
      return json("{'charge':" + charges.size() + "}");
    };
  }

  @Test
  void everyDeliveryDoubledCatchesAHandlerThatChargesTwice() {
    List<String> charges = new ArrayList<>();
    Execution execution =
        express(ONE_TASK)
            .duplicateTaskDeliveries(1.0)
            .handler(CHARGE, nonIdempotentCharge(charges))
            .build()
            .run(json("{'order':'o-1'}"));

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(List.of("o-1", "o-1"), charges, "the handler was delivered the same order twice");
    // The second delivery is the one the execution continues with.
    assertEquals(json("{'charge':2}"), execution.output());
  }

  @Test
  void anIdempotentHandlerGivesTheSameResultAndTheHistoryShowsOneDelivery() {
    Set<String> charged = new HashSet<>();
    TaskHandler idempotent =
        (input, ctx) -> {
          charged.add(input.get("order").asText());
          return json("{'charges':" + charged.size() + "}");
        };
    Execution once =
        express(ONE_TASK).handler(CHARGE, idempotent).build().run(json("{'order':'o-1'}"));
    charged.clear();
    Execution twice =
        express(ONE_TASK)
            .duplicateTaskDeliveries(1.0)
            .handler(CHARGE, idempotent)
            .build()
            .run(json("{'order':'o-1'}"));

    assertEquals(json("{'charges':1}"), once.output());
    assertEquals(json("{'charges':1}"), twice.output());
    assertEquals(EventTypes.LAMBDA_TASK_SUCCEEDED, types(twice));
    assertEquals(types(once), types(twice));
  }

  @Test
  void theLostDeliverysErrorNeverReachesTheExecution() {
    AtomicInteger calls = new AtomicInteger();
    Execution execution =
        express(ONE_TASK)
            .duplicateTaskDeliveries(1.0)
            .handler(
                CHARGE,
                (input, ctx) -> {
                  if (calls.incrementAndGet() == 1) {
                    throw new StatesError("Card.Declined", "first delivery");
                  }
                  return json("{'ok':true}");
                })
            .build()
            .run(json("{'order':'o-1'}"));

    assertEquals(2, calls.get());
    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(json("{'ok':true}"), execution.output());
  }

  @Test
  void eachDeliveryGetsTheSameInputEvenWhenTheFirstChangesItsCopy() {
    List<JsonNode> seen = new ArrayList<>();
    express(ONE_TASK)
        .duplicateTaskDeliveries(1.0)
        .handler(
            CHARGE,
            (input, ctx) -> {
              seen.add(input.deepCopy());
              ((com.fasterxml.jackson.databind.node.ObjectNode) input).put("order", "changed");
              return input;
            })
        .build()
        .run(json("{'order':'o-1'}"));

    assertEquals(List.of(json("{'order':'o-1'}"), json("{'order':'o-1'}")), seen);
  }

  @Test
  void aFractionDoublesAReproducibleShareOfTheInvocations() {
    String hundredTasks =
        "{'StartAt':'Each','States':{'Each':{'Type':'Map','ItemProcessor':{'StartAt':'Charge','States':"
            + "{'Charge':{'Type':'Task','Resource':'"
            + CHARGE
            + "','End':true}}},'End':true}}}";
    StringBuilder orders = new StringBuilder("[");
    for (int i = 0; i < 100; i++) {
      orders.append(i == 0 ? "" : ",").append("{'order':'o-").append(i).append("'}");
    }
    JsonNode input = json(orders.append("]").toString());

    List<String> first = new ArrayList<>();
    express(hundredTasks)
        .duplicateTaskDeliveries(0.3)
        .handler(CHARGE, nonIdempotentCharge(first))
        .build()
        .run(input);
    List<String> second = new ArrayList<>();
    express(hundredTasks)
        .duplicateTaskDeliveries(0.3)
        .handler(CHARGE, nonIdempotentCharge(second))
        .build()
        .run(input);

    int duplicated = first.size() - 100;
    assertTrue(
        duplicated > 15 && duplicated < 45,
        "about 30 of 100 invocations doubled, was " + duplicated);
    assertEquals(first, second, "the same seed doubles the same invocations");
  }

  @Test
  void aStateAnsweredByTheMockFileIsDeliveredOnceSoItsInvocationNumbersStayAsWritten() {
    MockConfig mocks =
        MockConfig.parse(
            ("{'StateMachines':{'Shop':{'TestCases':{'Happy':{'Charge':'Charged'}}}},"
                    + "'MockedResponses':{'Charged':{'0':{'Return':{'charge':'mocked'}},'1':{'Throw':{'Error':'Twice','Cause':'second invocation'}}}}}")
                .replace('\'', '"'));
    Execution execution =
        express(ONE_TASK)
            .duplicateTaskDeliveries(1.0)
            .mocks(mocks, "Shop", "Happy")
            .build()
            .run(json("{'order':'o-1'}"));

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(json("{'charge':'mocked'}"), execution.output());
  }

  @Test
  void aStandardMachineRefusesDuplicateDeliveriesAsAwsRunsItsTasksExactlyOnce() {
    LocalStateMachine.Builder builder =
        LocalStateMachine.builder(ONE_TASK.replace('\'', '"')).duplicateTaskDeliveries(0.5);

    IllegalStateException refused = assertThrows(IllegalStateException.class, builder::build);
    assertEquals(
        "duplicateTaskDeliveries(0.5) simulates Express at-least-once delivery, but this machine is STANDARD: "
            + "set type(StateMachineType.EXPRESS), as AWS runs each task of a Standard execution exactly once",
        refused.getMessage());
  }

  @Test
  void aFractionOutsideZeroToOneIsRefused() {
    LocalStateMachine.Builder builder = express(ONE_TASK);

    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> builder.duplicateTaskDeliveries(1.5));
    assertEquals(
        "duplicateTaskDeliveries: the fraction of Task invocations delivered twice must be between 0.0 and 1.0, not 1.5",
        refused.getMessage());
    assertThrows(IllegalArgumentException.class, () -> builder.duplicateTaskDeliveries(Double.NaN));
  }

  @Test
  void withoutTheOptionEveryTaskIsDeliveredOnce() {
    List<String> charges = new ArrayList<>();
    express(ONE_TASK)
        .handler(CHARGE, nonIdempotentCharge(charges))
        .build()
        .run(json("{'order':'o-1'}"));

    assertEquals(List.of("o-1"), charges);
  }
}
