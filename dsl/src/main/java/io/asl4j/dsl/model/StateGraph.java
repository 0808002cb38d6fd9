package io.asl4j.dsl.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code StartAt} plus {@code States}: a Parallel branch. (The top level is a {@link
 * StateMachine}, a Map's is an {@link ItemProcessor}.)
 */
public record StateGraph(String comment, String startAt, Map<String, State> states)
    implements Graph {
  public StateGraph {
    states = states == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(states));
  }

  @Override
  public StateGraph withStates(Map<String, State> states) {
    return new StateGraph(comment, startAt, states);
  }
}
