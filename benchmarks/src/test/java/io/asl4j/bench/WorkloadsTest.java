package io.asl4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.ExecutionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The expected outputs the benchmark checks both sides against are what asl4j produces: a wrong
 * expected file would report both interpreters wrong, a wrong runtime would be caught here.
 */
class WorkloadsTest {
  @ParameterizedTest
  @ValueSource(strings = {"order-processing", "pass-chain-10", "map-1000"})
  void eachWorkloadRunsToItsExpectedOutput(String name) {
    Execution execution =
        Workloads.build(Workloads.definitionText(name)).run(Workloads.input(name));

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(Workloads.expectedOutput(name), execution.output());
  }

  @Test
  void orderProcessingShipsExpressAndReturnsBothParallelBranches() {
    JsonNode order =
        Workloads.parse(
            "{\"orderId\":\"ORD-001\",\"item\":\"Laptop\",\"quantity\":1,\"price\":999,\"priority\":\"express\","
                + "\"total\":999,\"shipMethod\":\"express\"}");

    assertEquals(
        Workloads.JSON.createArrayNode().add(order).add(order),
        Workloads.expectedOutput("order-processing"));
  }

  @Test
  void passChainAddsItsTenResultsToTheInput() {
    assertEquals(
        Workloads.parse(
            "{\"id\":1,\"s0\":0,\"s1\":1,\"s2\":2,\"s3\":3,\"s4\":4,\"s5\":5,\"s6\":6,\"s7\":7,\"s8\":8,\"s9\":9}"),
        Workloads.expectedOutput("pass-chain-10"));
  }
}
