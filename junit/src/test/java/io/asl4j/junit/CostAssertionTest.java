package io.asl4j.junit;

import static io.asl4j.junit.ExecutionAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.asl4j.runtime.Execution;
import org.junit.jupiter.api.Test;

@Asl4jTest
class CostAssertionTest {
  private static final String ONE_PASS =
      "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";

  @Test
  void anExecutionWithinBudgetPasses(Asl4jRuntime asl4j) {
    Execution execution = asl4j.run(asl4j.machine(ONE_PASS), "{}");
    assertThat(execution).costsAtMostAsStandard("0.000025").costsAtMostAsExpress("0.00001");
  }

  @Test
  void anExecutionOverBudgetFailsShowingTheCost(Asl4jRuntime asl4j) {
    Execution execution = asl4j.run(asl4j.machine(ONE_PASS), "{}");
    AssertionError e =
        assertThrows(
            AssertionError.class, () -> assertThat(execution).costsAtMostAsStandard("0.00001"));
    assertEquals(
        "expected a Standard cost of at most $0.00001 but it is: "
            + io.asl4j.runtime.cost.CostEstimate.of(execution).summary(),
        e.getMessage());
  }
}
