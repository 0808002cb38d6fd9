package io.asl4j.runtime.internal.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The {@code $states} object and the workflow variables of one evaluation round, converted to
 * library values on first use and then reused, so that the many leaves of one template do not
 * each convert the whole state input again. Not thread-safe: one round, one thread.
 */
final class Bindings {

  private final JsonNode states;
  private final Function<String, JsonNode> variables;
  private final Map<String, Object> converted = new HashMap<>();
  private Object statesValue;

  Bindings(JsonNode states, Function<String, JsonNode> variables) {
    this.states = states;
    this.variables = Objects.requireNonNull(variables, "variables");
  }

  /** The library value of {@code $states}; {@code null} when there is none. */
  Object states() {
    if (statesValue == null && states != null) {
      statesValue = JsonataValues.toJsonata(states);
    }
    return statesValue;
  }

  /** The library value of workflow variable {@code name}; {@code null} when it is unassigned. */
  Object variable(String name) {
    if (!converted.containsKey(name)) {
      converted.put(name, JsonataValues.toJsonata(variables.apply(name)));
    }
    return converted.get(name);
  }
}
