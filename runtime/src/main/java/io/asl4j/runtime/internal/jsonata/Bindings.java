package io.asl4j.runtime.internal.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The {@code $states} object and the workflow variables of one evaluation round, converted to
 * library values on first use and then reused, so that the many leaves of one template do not each
 * convert the whole state input again; and, for an execution, its clock and randomness. Not
 * thread-safe: one round, one thread.
 */
final class Bindings {

  private final JsonNode states;
  private final Function<String, JsonNode> variables;
  private final RandomGenerator random;
  private final Long nowMillis;
  private final Map<String, Object> converted = new HashMap<>();
  private Object statesValue;

  /** Bindings that use the engine's own clock and randomness. */
  Bindings(JsonNode states, Function<String, JsonNode> variables) {
    this(states, variables, null, null);
  }

  /**
   * Bindings whose {@code $random()}, {@code $uuid()} and {@code $shuffle()} draw from {@code
   * random}, and whose {@code $now()} and {@code $millis()} are {@code nowMillis}; {@code null} for
   * the engine's own.
   */
  Bindings(
      JsonNode states,
      Function<String, JsonNode> variables,
      RandomGenerator random,
      Long nowMillis) {
    this.states = states;
    this.variables = Objects.requireNonNull(variables, "variables");
    this.random = random;
    this.nowMillis = nowMillis;
  }

  /** The generator to draw from, or {@code null} for the engine's. */
  RandomGenerator random() {
    return random;
  }

  /**
   * The instant of this evaluation in epoch milliseconds, or {@code null} for the engine's clock.
   */
  Long nowMillis() {
    return nowMillis;
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
