package io.asl4j.dsl.model;

import java.util.List;

/**
 * A state that can {@code Retry} and {@code Catch}: Task, Parallel and Map.
 *
 * <p>{@link #retry()} and {@link #catchers()} are {@code null} when the field is absent, so that an
 * explicit empty array is written back as it was read; most callers want {@link #retriersOrEmpty()}
 * and {@link #catchersOrEmpty()}.
 */
public sealed interface ErrorHandling extends Transitioning
    permits TaskState, ParallelState, MapState {

  /** The {@code Retry} retriers in order, or {@code null} when absent. */
  List<Retrier> retry();

  /** The {@code Catch} catchers in order, or {@code null} when absent. */
  List<Catcher> catchers();

  /** {@code Next}, then the {@code Next} of each catcher. */
  @Override
  default List<Transition> transitions() {
    List<Transition> transitions = new java.util.ArrayList<>();
    if (next() != null) {
      transitions.add(new Transition(Transition.Field.NEXT, 0, next()));
    }
    List<Catcher> catchers = catchersOrEmpty();
    for (int i = 0; i < catchers.size(); i++) {
      if (catchers.get(i).next() != null) {
        transitions.add(new Transition(Transition.Field.CATCH, i, catchers.get(i).next()));
      }
    }
    return List.copyOf(transitions);
  }

  /** The retriers in order; empty when there are none. */
  default List<Retrier> retriersOrEmpty() {
    return retry() == null ? List.of() : retry();
  }

  /** The catchers in order; empty when there are none. */
  default List<Catcher> catchersOrEmpty() {
    return catchers() == null ? List.of() : catchers();
  }
}
