package io.asl4j.dsl.builder;

/**
 * Something a state can transition to: a state, a {@link Chain} or a {@link ClosedChain}.
 *
 * <pre>{@code
 * Chainable route = Chain.start(validate).next(ship);
 * choice.when(total.gt(100), route);
 * }</pre>
 */
public sealed interface Chainable permits Nextable, StateBuilder, ClosedChain {
  /** The state entered first. */
  StateBuilder<?> startState();
}
