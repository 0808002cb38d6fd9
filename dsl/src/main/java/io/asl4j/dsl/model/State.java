package io.asl4j.dsl.model;

/**
 * One state of a state machine. The eight ASL state types are the permitted records.
 *
 * <p>A state does not know its own name: names are the keys of the {@code States} map that holds
 * it ({@link StateMachine#states()}, {@link StateGraph#states()}).
 */
public sealed interface State
    permits Transitioning, ChoiceState, SucceedState, FailState {

  /** The state's {@code Comment}, or {@code null}. */
  String comment();

  /** The state's own {@code QueryLanguage}, or {@code null} to inherit the machine's. */
  QueryLanguage queryLanguage();

  /** The state's input and output processing fields. */
  Io io();

  /** The ASL {@code Type} of this state. */
  StateType type();

  /**
   * The graphs this state runs: a Parallel's branches in order, or a Map's processor; empty for
   * every other state (and for a Parallel without {@code Branches} or a Map without a processor).
   */
  default java.util.List<Graph> nestedGraphs() {
    return java.util.List.of();
  }

  /** The query language in effect for this state inside a machine whose default is given. */
  default QueryLanguage effectiveQueryLanguage(QueryLanguage machineDefault) {
    if (queryLanguage() != null) {
      return queryLanguage();
    }
    return machineDefault == null ? QueryLanguage.JSONPATH : machineDefault;
  }
}
