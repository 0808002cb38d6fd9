package io.asl4j.examples;

import static io.asl4j.junit.ExecutionAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asl4j.examples.orders.OrderProcessingDefinition;
import io.asl4j.runtime.Execution;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickStartTest {
  @Test
  void printsTheThreeRunsAndWritesTheAsl(@TempDir Path folder) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Execution express =
        QuickStart.run(folder, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(express).succeeded().passedThrough("ExpressShip");
    assertTrue(out.contains("== express order ORD-001: SUCCEEDED"), out);
    assertTrue(out.contains("  2025-01-01T09:00:02Z  +2.000s    OrderComplete      Succeed"), out);
    assertTrue(out.contains("== standard order ORD-002: SUCCEEDED"), out);
    assertTrue(
        out.contains(
            "== invalid order ORD-003 (quantity 0): FAILED (InvalidOrder: Validation failed)"),
        out);
    assertTrue(out.contains("  output: {\"orderId\":\"ORD-001\""), out);
    assertEquals(
        OrderProcessingDefinition.aslJson(),
        Files.readString(folder.resolve("OrderProcessing.asl.json")));
    assertTrue(
        Files.readString(folder.resolve("ORD-001.history.json")).contains("ExecutionSucceeded"));
  }
}
