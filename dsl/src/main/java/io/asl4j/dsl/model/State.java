package io.asl4j.dsl.model;

/**
 * One state of a state machine. The eight ASL state types are the permitted records.
 *
 * <p>A state does not know its own name: names are the keys of the {@code States} map that holds it
 * ({@link StateMachine#states()}, {@link StateGraph#states()}).
 */
public sealed interface State permits Transitioning, ChoiceState, SucceedState, FailState {

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

  /**
   * The graphs this state holds as written, with their JSON pointers under {@code at}, the state's
   * own pointer: a Parallel's branches in order (absent ones skipped), a Map's legacy {@code
   * Iterator} then its {@code ItemProcessor} (both, when a definition wrongly has both).
   */
  default java.util.List<NestedGraph> nestedGraphsAt(String at) {
    return java.util.List.of();
  }

  /**
   * The transitions out of this state, in document order: {@code Next}; a Choice's rules then its
   * {@code Default}; then the catchers. Absent targets are left out; Succeed and Fail have none.
   */
  default java.util.List<Transition> transitions() {
    return java.util.List.of();
  }

  /** The names of the states this state may go to next, in the order of {@link #transitions()}. */
  default java.util.List<String> successors() {
    return transitions().stream().map(Transition::target).toList();
  }

  /** Whether this state may end its graph: Succeed, Fail, or {@code "End": true}. */
  default boolean isTerminal() {
    return type() == StateType.SUCCEED || type() == StateType.FAIL;
  }

  /** The query language in effect for this state inside a machine whose default is given. */
  default QueryLanguage effectiveQueryLanguage(QueryLanguage machineDefault) {
    if (queryLanguage() != null) {
      return queryLanguage();
    }
    return machineDefault == null ? QueryLanguage.JSONPATH : machineDefault;
  }
}
