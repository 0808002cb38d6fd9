package io.asl4j.dsl.builder;

/**
 * A chain whose every path ends (in Succeed, Fail, a Choice, or {@code "End": true}): it has no
 * {@code next()}.
 *
 * <pre>{@code
 * ClosedChain chain = Chain.start(validate).next(Succeed.jsonPath("Done"));
 * Workflow.jsonPath().definition(chain).build();
 * }</pre>
 */
public final class ClosedChain implements Chainable {
  private final StateBuilder<?> start;

  ClosedChain(StateBuilder<?> start) {
    this.start = start;
  }

  @Override
  public StateBuilder<?> startState() {
    return start;
  }
}
