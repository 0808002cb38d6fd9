package io.asl4j.runtime.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asl4j.dsl.json.AslReader;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.LocalStateMachine;
import io.asl4j.runtime.StatesError;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CostEstimateTest {
  static final Path ORDER =
      Path.of("../examples/src/main/resources/workflows/order-processing.asl.json");

  @Test
  void expressOrder() throws Exception {
    Execution execution =
        LocalStateMachine.builder(AslReader.read(Files.readString(ORDER)))
            .handlerForPrefix("arn:", (in, context) -> in)
            .build()
            .run(AslReader.parse("{\"priority\":\"express\"}"));
    CostEstimate cost = CostEstimate.of(execution);
    // ValidateOrder, CheckPriority, ExpressShip, NotifyAndUpdate, Notify, UpdateDB,
    // WaitForProcessing, OrderComplete
    assertEquals(8, cost.transitions());
    assertEquals(0, cost.retries());
    assertEquals(Duration.ofSeconds(2), cost.duration()); // the Wait, on the virtual clock
    assertEquals(new BigDecimal("0.0002"), cost.standardUsd());
    assertEquals(new BigDecimal("0.125"), cost.expressGbSeconds()); // 2 s x 64 MB
    assertEquals(
        new BigDecimal("0.00000308375"), cost.expressUsd()); // 0.000001 + 0.125 x 0.00001667
  }

  @Test
  void retriesAreTransitionsAndPricesCanBeOverridden() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Execution execution =
        LocalStateMachine.builder(AslReader.read(Files.readString(ORDER)))
            .handlerForPrefix(
                "arn:",
                (in, context) -> {
                  if (context != null && calls.getAndIncrement() < 2) {
                    throw new StatesError("States.TaskFailed", "flaky");
                  }
                  return in;
                })
            .build()
            .run(AslReader.parse("{\"priority\":\"standard\",\"total\":5}"));
    Pricing doubled =
        new Pricing(
            new BigDecimal("0.00005"),
            new BigDecimal("0.000002"),
            Pricing.EXPRESS_PER_GB_SECOND,
            128,
            100);
    CostEstimate cost = CostEstimate.of(execution, doubled);
    // ValidateOrder failed twice (retries after 2 s and 4 s), then the standard path: 8 states + 2
    // retries.
    assertEquals(2, cost.retries());
    assertEquals(10, cost.transitions());
    assertEquals(Duration.ofSeconds(8), cost.duration());
    assertEquals(new BigDecimal("0.0005"), cost.standardUsd());
    assertEquals(new BigDecimal("1"), cost.expressGbSeconds()); // 8 s x 128 MB
    assertEquals(new BigDecimal("0.00001867"), cost.expressUsd());
  }

  @Test
  void mapIterationsAreTransitionsAndExpressBillsAtLeast100Milliseconds() throws Exception {
    String definition =
        "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"ItemsPath\":\"$.items\",\"ItemProcessor\":"
            + "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"},\"B\":{\"Type\":\"Pass\",\"End\":true}}},"
            + "\"End\":true}}}";
    Execution execution =
        LocalStateMachine.builder(AslReader.read(definition))
            .build()
            .run(AslReader.parse("{\"items\":[1,2,3]}"));
    CostEstimate cost = CostEstimate.of(execution);
    assertEquals(7, cost.transitions()); // M, then A and B for each of 3 items
    assertEquals(Duration.ZERO, cost.duration());
    assertEquals(Duration.ofMillis(100), cost.billedDuration());
    assertEquals(new BigDecimal("0.000175"), cost.standardUsd());
    assertEquals(new BigDecimal("0.00625"), cost.expressGbSeconds());
    assertEquals(new BigDecimal("0.0000011041875"), cost.expressUsd());
  }
}
