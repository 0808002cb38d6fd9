package io.asl4j.examples.donuts;

import static io.asl4j.junit.ExecutionAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.asl4j.dsl.json.AslWriter;
import io.asl4j.junit.Asl4jRuntime;
import io.asl4j.junit.Asl4jTest;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.LocalStateMachine;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@Asl4jTest
class DonutShopTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyItemIsFriedIcedAndBoxedInOrder(Asl4jRuntime asl4j) {
    LocalStateMachine machine =
        DonutTasks.bind(asl4j.configure(DonutShopDefinition.localMachine())).build();

    Execution execution =
        asl4j.run(
            machine,
            new DonutOrder(
                "ann",
                List.of(
                    Donut.ordered("glazed", 12),
                    Donut.ordered("chocolate", 4),
                    Donut.ordered("jam", 2))));

    assertThat(execution)
        .succeeded()
        .enteredTimes("Fry", 3)
        .enteredTimes("Ice", 3)
        .enteredTimes("Box", 3)
        .output()
        .at("/boxes")
        .isEqualTo(
            List.of(
                new Donut("glazed", 12, true, "sugar glaze", "dozen box"),
                new Donut("chocolate", 4, true, "chocolate", "half-dozen box"),
                new Donut("jam", 2, true, "plain", "half-dozen box")));
  }

  @Test
  void maxConcurrencyKeepsTwoFryersBusy(Asl4jRuntime asl4j) {
    // frying takes 3 minutes: four items two at a time take 6 minutes, not 3 and not 12
    LocalStateMachine machine =
        DonutTasks.bind(asl4j.configure(DonutShopDefinition.localMachine()))
            .handler(
                DonutShop.LAMBDA + "Fry",
                (input, ctx) -> {
                  ctx.simulateDuration(Duration.ofMinutes(3));
                  return JSON.valueToTree(DonutTasks.fry(JSON.convertValue(input, Donut.class)));
                })
            .build();

    Execution execution =
        asl4j.run(
            machine,
            new DonutOrder(
                "bob",
                List.of(
                    Donut.ordered("glazed", 1),
                    Donut.ordered("glazed", 2),
                    Donut.ordered("jam", 3),
                    Donut.ordered("plain", 4))));

    assertThat(execution).succeeded().enteredTimes("Box", 4).took(Duration.ofMinutes(6));
  }

  @Test
  void oneBadItemFailsTheMap(Asl4jRuntime asl4j) {
    LocalStateMachine machine =
        DonutTasks.bind(asl4j.configure(DonutShopDefinition.localMachine())).build();

    Execution execution =
        asl4j.run(
            machine,
            new DonutOrder("cy", List.of(Donut.ordered("glazed", 1), Donut.ordered("jam", 40))));

    assertThat(execution)
        .failedWith("FryerOverflow", "at most 12 jam at a time, not 40")
        .didNotPassThrough("Ready");
  }

  @Test
  void theBuilderWritesTheSameAsl() {
    assertEquals(
        Asl4jRuntime.json(DonutShopDefinition.aslJson()),
        Asl4jRuntime.json(AslWriter.write(DonutShopWorkflow.stateMachine())));
  }
}
