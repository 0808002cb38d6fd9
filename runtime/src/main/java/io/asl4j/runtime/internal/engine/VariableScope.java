package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.runtime.StatesError;
import java.util.HashMap;
import java.util.Map;

/**
 * Workflow variables visible to one graph run. A Parallel branch or Map iteration gets a child
 * scope: it reads the outer variables, and what it assigns stays its own.
 */
final class VariableScope {
  private final VariableScope parent;

  /** Made by the first assignment: most graphs assign no variables. */
  private Map<String, JsonNode> variables;

  /** The payload size of this scope's own values, for the execution's 10 MiB total. */
  long bytes;

  VariableScope(VariableScope parent) {
    this.parent = parent;
  }

  /** The value of {@code name}, or {@code null} when it was never assigned. */
  JsonNode get(String name) {
    for (VariableScope scope = this; scope != null; scope = scope.parent) {
      JsonNode value = scope.variables == null ? null : scope.variables.get(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  void assign(Map<String, JsonNode> values) {
    if (values.isEmpty()) {
      return;
    }
    if (variables == null) {
      variables = new HashMap<>();
    }
    variables.putAll(values);
  }

  /**
   * Assigns the variables state {@code stateName} set as it exits, under AWS's limits: 256 KiB for
   * each value and for all values one state assigns, {@code executionLimit} for all variables an
   * execution holds ({@code executionBytes} now). Returns by how much the execution's total grows.
   */
  long assign(
      Map<String, JsonNode> assigned, String stateName, long executionBytes, long executionLimit) {
    long total = 0;
    long replaced = 0;
    for (Map.Entry<String, JsonNode> e : assigned.entrySet()) {
      total += JsonSize.size(JsonValues.nullToNode(e.getValue()), ExecutionRun.PAYLOAD_LIMIT_BYTES);
      if (total > ExecutionRun.PAYLOAD_LIMIT_BYTES) {
        throw new StatesError(
            "States.DataLimitExceeded",
            "The state '"
                + stateName
                + "' assigned variables whose size exceeds the maximum number of bytes service limit.");
      }
      JsonNode old = own(e.getKey());
      if (old != null) {
        replaced += JsonSize.size(old, ExecutionRun.PAYLOAD_LIMIT_BYTES);
      }
    }
    long added = total - replaced;
    if (executionBytes + added > executionLimit) {
      throw new StatesError(
          "States.DataLimitExceeded",
          "The state '"
              + stateName
              + "' assigned variables that take the execution's variables over the maximum number of bytes"
              + " service limit.");
    }
    assign(assigned);
    bytes += added;
    return added;
  }

  /** The payload size of this scope's own values (a redriven branch's, counted again). */
  long measure() {
    long total = 0;
    if (variables != null) {
      for (JsonNode value : variables.values()) {
        total += JsonSize.size(JsonValues.nullToNode(value), ExecutionRun.PAYLOAD_LIMIT_BYTES);
      }
    }
    return total;
  }

  /** The value this scope itself holds for {@code name} (not an outer one), or {@code null}. */
  JsonNode own(String name) {
    return variables == null ? null : variables.get(name);
  }
}
