package io.asl4j.dsl.model;

/**
 * A state that leaves through {@code Next} or ends its graph with {@code End}: Pass, Task, Wait,
 * Parallel and Map. ASL requires exactly one of the two; the validator checks that.
 */
public sealed interface Transitioning extends State permits PassState, WaitState, ErrorHandling {

  /** The {@code Next} state name, or {@code null}. */
  String next();

  /** The {@code End} value, or {@code null} when absent. */
  Boolean end();

  /** Whether this state ends its graph. */
  default boolean isEnd() {
    return Boolean.TRUE.equals(end());
  }

  @Override
  default boolean isTerminal() {
    return isEnd();
  }

  /** {@code Next}, when there is one. */
  @Override
  default java.util.List<Transition> transitions() {
    return next() == null
        ? java.util.List.of()
        : java.util.List.of(new Transition(Transition.Field.NEXT, 0, next()));
  }
}
