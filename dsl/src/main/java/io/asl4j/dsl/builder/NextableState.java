package io.asl4j.dsl.builder;

import io.asl4j.dsl.model.QueryLanguage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A state that continues with {@code Next} or ends its graph with {@code "End": true}: Task, Pass,
 * Wait, Parallel and Map. A state with no {@code next()} ends its graph.
 *
 * <pre>{@code
 * Pass.JsonPath a = Pass.jsonPath("A");
 * a.next(Pass.jsonPath("B")).next(Succeed.jsonPath("Done"));
 * }</pre>
 *
 * @param <S> the concrete state type
 */
public abstract sealed class NextableState<S extends NextableState<S>> extends StateBuilder<S>
    implements Nextable, OpenEnd, Assigning<S> permits Pass, Wait, ErrorHandlingState {
  StateBuilder<?> next;

  NextableState(String name, QueryLanguage language) {
    super(name, language);
  }

  @Override
  public final Chain next(Nextable next) {
    connect(Objects.requireNonNull(next, "next == null").startState());
    return new Chain(this, Ends.of(next));
  }

  @Override
  public final ClosedChain next(Chainable next) {
    connect(Objects.requireNonNull(next, "next == null").startState());
    return new ClosedChain(this);
  }

  @Override
  public final void connect(StateBuilder<?> target) {
    if (next != null) {
      throw new IllegalStateException("State '" + name() + "' already has a next state");
    }
    next = target;
  }

  /** The {@code Next} name, or null for {@code End}. */
  final String nextName() {
    return next == null ? null : next.name();
  }

  /** {@code End}: true exactly when there is no {@code Next}. */
  final Boolean endValue() {
    return next == null ? Boolean.TRUE : null;
  }

  @Override
  List<StateBuilder<?>> successors() {
    List<StateBuilder<?>> successors = new ArrayList<>();
    if (next != null) {
      successors.add(next);
    }
    return successors;
  }
}
