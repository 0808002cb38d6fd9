package io.asl4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The order-processing workload written by hand on Jackson: the lower bound an interpreter is
 * measured against. It does the same JSON work as the definition, and no more: the Task echoes its
 * input, the Choice reads two fields, the Pass state writes {@code $.shipMethod} into a copy
 * (ResultPath never mutates the state's input), the Parallel gives each branch the input and
 * collects the echoed outputs into an array, the Wait is skipped. No history is kept.
 */
public final class HandWrittenOrderProcessing {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private HandWrittenOrderProcessing() {}

  /** Runs one execution; returns its output (the Parallel's array). */
  public static JsonNode run(JsonNode input) {
    // ValidateOrder: Task, echo; the result replaces the input (ResultPath "$").
    JsonNode validated = echo(input);
    // CheckPriority: Choice.
    JsonNode priority = validated.get("priority");
    JsonNode total = validated.get("total");
    boolean express =
        (priority != null && priority.isTextual() && priority.textValue().equals("express"))
            || (total != null && total.isNumber() && total.decimalValue().compareTo(HUNDRED) > 0);
    // ExpressShip / StandardShip: Pass with Result at ResultPath $.shipMethod, on a copy.
    ObjectNode shipped = validated.deepCopy();
    shipped.put("shipMethod", express ? "express" : "standard");
    // NotifyAndUpdate: Parallel of two echo Tasks, output = array of branch outputs.
    ArrayNode branches = NODES.arrayNode(2);
    branches.add(echo(shipped));
    branches.add(echo(shipped));
    // WaitForProcessing: skipped. OrderComplete: Succeed.
    return branches;
  }

  private static final java.math.BigDecimal HUNDRED = java.math.BigDecimal.valueOf(100);

  private static JsonNode echo(JsonNode input) {
    return input;
  }
}
