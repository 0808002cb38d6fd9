package io.asl4j.dsl.builder;

/**
 * Something that can be continued with {@code next()}: a Task, Pass, Wait, Parallel or Map state,
 * or an open {@link Chain}. Succeed, Fail and Choice are not {@code Nextable}, so nothing can be
 * chained onto them: {@code next()} with one of them returns a {@link ClosedChain}, which has no
 * {@code next()}.
 *
 * <pre>{@code
 * Chain chain = validate.next(ship);             // still open
 * ClosedChain done = chain.next(Succeed.jsonPath("Done"));
 * // done.next(other) does not compile
 * }</pre>
 */
public sealed interface Nextable extends Chainable permits NextableState, Chain {
  /** Continues with {@code next}; the result is still open. */
  Chain next(Nextable next);

  /**
   * Continues with a state or chain that nothing can follow (Succeed, Fail, Choice, a closed
   * chain); the result has no {@code next()}.
   */
  ClosedChain next(Chainable next);
}
