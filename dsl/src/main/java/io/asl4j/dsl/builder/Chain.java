package io.asl4j.dsl.builder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A sequence of states that is still open: its end states can be continued with {@link #next}.
 * Every {@code next()} returns a new chain; the states themselves record the transitions.
 *
 * <pre>{@code
 * Chain chain = Chain.start(validate)
 *     .next(Choice.jsonPath("Route").when(priority.eq("express"), expressShip)
 *         .otherwise(standardShip).afterwards())   // both branches rejoin here
 *     .next(notify);
 * }</pre>
 */
public final class Chain implements Nextable {
  private final StateBuilder<?> start;
  private final List<OpenEnd> ends;

  Chain(StateBuilder<?> start, List<OpenEnd> ends) {
    this.start = start;
    this.ends = List.copyOf(ends);
  }

  /** A chain that starts (and for now ends) with {@code state}. */
  public static Chain start(Nextable state) {
    Objects.requireNonNull(state, "state == null");
    if (state instanceof Chain chain) {
      return chain;
    }
    return new Chain(state.startState(), Ends.of(state));
  }

  /** A chain of {@code first} followed by each of {@code rest} in order. */
  public static Chain sequence(Nextable first, Nextable... rest) {
    Chain chain = start(first);
    for (Nextable next : rest) {
      chain = chain.next(next);
    }
    return chain;
  }

  @Override
  public StateBuilder<?> startState() {
    return start;
  }

  @Override
  public Chain next(Nextable next) {
    connect(next);
    return new Chain(start, Ends.of(next));
  }

  @Override
  public ClosedChain next(Chainable next) {
    connect(next);
    return new ClosedChain(start);
  }

  List<OpenEnd> ends() {
    return ends;
  }

  private void connect(Chainable next) {
    Objects.requireNonNull(next, "next == null");
    if (ends.isEmpty()) {
      throw new IllegalStateException(
          "Cannot add to chain: no state of the chain starting at '" + start.name() + "' is open");
    }
    StateBuilder<?> target = next.startState();
    for (OpenEnd end : new ArrayList<>(ends)) {
      end.connect(target);
    }
  }
}
