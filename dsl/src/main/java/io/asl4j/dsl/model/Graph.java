package io.asl4j.dsl.model;

import java.util.Map;

/**
 * A scope of states: the machine itself, a Parallel branch, or a Map's item processor. Transitions
 * stay inside one graph; state names are unique across all graphs of a machine.
 */
public sealed interface Graph permits StateMachine, StateGraph, ItemProcessor {
  /** The {@code StartAt} state name. */
  String startAt();

  /** The states by name, in ASL order. */
  Map<String, State> states();

  /** The {@code Comment}, or {@code null}. */
  String comment();

  /** This graph with {@code states} in place of its own, every other field kept. */
  Graph withStates(Map<String, State> states);
}
