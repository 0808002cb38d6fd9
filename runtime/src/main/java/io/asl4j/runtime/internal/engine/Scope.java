package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Workflow variables visible to one graph run. A Parallel branch or Map iteration gets a child
 * scope: it reads the outer variables, and what it assigns stays its own.
 */
final class Scope {
  private final Scope parent;
  /** Made by the first assignment: most graphs assign no variables. */
  private Map<String, JsonNode> variables;
  /** The payload size of this scope's own values, for the execution's 10 MiB total. */
  long bytes;

  Scope(Scope parent) {
    this.parent = parent;
  }

  /** The value of {@code name}, or {@code null} when it was never assigned. */
  JsonNode get(String name) {
    for (Scope scope = this; scope != null; scope = scope.parent) {
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

  /** The payload size of this scope's own values (a redriven branch's, counted again). */
  long measure() {
    long total = 0;
    if (variables != null) {
      for (JsonNode value : variables.values()) {
        total += JsonSize.size(ExecutionRun.nullToNode(value), ExecutionRun.PAYLOAD_LIMIT_BYTES);
      }
    }
    return total;
  }

  /** The value this scope itself holds for {@code name} (not an outer one), or {@code null}. */
  JsonNode own(String name) {
    return variables == null ? null : variables.get(name);
  }
}
